import { A } from "@solidjs/router";

export default function NotFoundPage() {
  return (
    <section class="mx-auto max-w-xl py-16 text-center">
      <p class="text-sm font-semibold text-indigo-600 dark:text-indigo-400">404</p>
      <h1 class="mt-2 text-3xl font-bold tracking-tight">Page not found</h1>
      <p class="mt-3 text-neutral-600 dark:text-neutral-400">We couldn't find the page you were looking for.</p>
      <A
        href="/"
        class="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400"
      >
        Back to home
      </A>
    </section>
  );
}
