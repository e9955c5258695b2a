import { A } from "@solidjs/router";

const sections = [
  {
    href: "/admin/prices",
    title: "Price packages",
    description: "Create, edit and hide the credit packages buyers can choose from.",
  },
  {
    href: "/admin/users",
    title: "Users and wallets",
    description: "Find an account, book a credit adjustment and reconcile its wallet.",
  },
];

/** The admin area's landing page (behind <RequireRole area="admin">). */
export default function AdminPage() {
  return (
    <section class="flex flex-col gap-6">
      <header>
        <h1 class="text-3xl font-bold tracking-tight">Admin</h1>
        <p class="mt-3 text-neutral-600 dark:text-neutral-400">
          Tools for running Tollgate. Moderation will live here too.
        </p>
      </header>
      <nav aria-label="Admin sections">
        <ul class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {sections.map((section) => (
            <li>
              <A
                href={section.href}
                class="block h-full rounded-xl border border-neutral-200 bg-white p-5 shadow-sm hover:border-indigo-400 dark:border-neutral-800 dark:bg-neutral-900 dark:hover:border-indigo-500"
              >
                <span class="block font-semibold text-indigo-600 dark:text-indigo-400">{section.title}</span>
                <span class="mt-1 block text-sm text-neutral-600 dark:text-neutral-400">{section.description}</span>
              </A>
            </li>
          ))}
        </ul>
      </nav>
    </section>
  );
}
