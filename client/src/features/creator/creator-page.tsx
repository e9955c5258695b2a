import { A } from "@solidjs/router";

/** The creator area's landing page (behind <RequireRole area="creator">). */
export default function CreatorPage() {
  return (
    <section>
      <h1 class="text-3xl font-bold tracking-tight">Creator studio</h1>
      <p class="mt-3 text-neutral-600 dark:text-neutral-400">Your streams, schedule and earnings will live here.</p>
      <A
        href="/creator/stream"
        class="mt-6 inline-block rounded-md bg-red-600 px-4 py-2 text-sm font-semibold text-white hover:bg-red-500"
      >
        Go live
      </A>
    </section>
  );
}
