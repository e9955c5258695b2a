import { A } from "@solidjs/router";
import { For } from "solid-js";

const LINKS = [
  { href: "/admin/moderation", label: "Reports", end: true },
  { href: "/admin/moderation/bans", label: "Bans", end: false },
  { href: "/admin/moderation/appeals", label: "Appeals", end: false },
  { href: "/admin/moderation/auto-mod", label: "Auto-mod", end: false },
];

/** The moderation area's sections. */
export function ModerationNav() {
  return (
    <nav aria-label="Moderation" class="border-b border-neutral-200 dark:border-neutral-800">
      <ul class="flex flex-wrap gap-1">
        <For each={LINKS}>
          {(link) => (
            <li>
              <A
                href={link.href}
                end={link.end}
                class="inline-block rounded-t-md px-3 py-2 text-sm font-medium text-neutral-600 hover:text-neutral-900 dark:text-neutral-400 dark:hover:text-white"
                activeClass="border-b-2 border-indigo-600 text-indigo-700 dark:text-indigo-300"
              >
                {link.label}
              </A>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}

export const buttonClass =
  "rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-50";
export const secondaryButtonClass =
  "rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm font-medium hover:bg-neutral-50 disabled:opacity-50 dark:border-neutral-700 dark:bg-neutral-900 dark:hover:bg-neutral-800";
export const inputClass =
  "mt-1 block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 dark:border-neutral-700 dark:bg-neutral-900";

/** "in 3 h", "Permanent", or the date: how long a restriction still runs. */
export function formatUntil(iso: string | null): string {
  if (iso === null) return "Permanent";
  return new Date(iso).toLocaleString();
}
