/** Placeholder for the admin area (behind <RequireRole area="admin">). */
export default function AdminPage() {
  return (
    <section>
      <h1 class="text-3xl font-bold tracking-tight">Admin</h1>
      <p class="mt-3 text-neutral-600 dark:text-neutral-400">User management and moderation tools will live here.</p>
    </section>
  );
}
