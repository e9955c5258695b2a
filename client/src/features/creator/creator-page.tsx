import { A } from "@solidjs/router";

const linkClass =
  "mt-6 inline-block rounded-md border border-neutral-300 px-4 py-2 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800";

/** The creator area's landing page (behind <RequireRole area="creator">). */
export default function CreatorPage() {
  return (
    <section>
      <h1 class="text-3xl font-bold tracking-tight">Creator studio</h1>
      <p class="mt-3 text-neutral-600 dark:text-neutral-400">Your streams, earnings and audience.</p>
      <div class="flex flex-wrap gap-3">
        <A
          href="/creator/go-live"
          class="mt-6 inline-block rounded-md bg-red-600 px-4 py-2 text-sm font-semibold text-white hover:bg-red-500"
        >
          Go live
        </A>
        <A href="/creator/dashboard" class={linkClass}>
          Dashboard
        </A>
        <A href="/creator/analytics" class={linkClass}>
          Analytics
        </A>
        <A href="/creator/stream" class={linkClass}>
          Studio
        </A>
        <A href="/creator/settings" class={linkClass}>
          Settings
        </A>
      </div>
    </section>
  );
}
