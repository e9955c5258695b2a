import { A } from "@solidjs/router";

/** Shown in place of a page the signed-in user's role may not open. */
export function AccessDenied() {
  return (
    <section class="mx-auto max-w-xl py-16 text-center" data-testid="access-denied">
      <h1 class="text-3xl font-bold tracking-tight">Access denied</h1>
      <p class="mt-3 text-neutral-600 dark:text-neutral-400">Your account is not allowed to open this page.</p>
      <A
        href="/"
        class="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400"
      >
        Back to home
      </A>
    </section>
  );
}
