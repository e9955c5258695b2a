/** Placeholder for the creator area (behind <RequireRole area="creator">). */
export default function CreatorPage() {
  return (
    <section>
      <h1 class="text-3xl font-bold tracking-tight">Creator studio</h1>
      <p class="mt-3 text-neutral-600 dark:text-neutral-400">Your streams, schedule and earnings will live here.</p>
    </section>
  );
}
