import { A, useLocation } from "@solidjs/router";
import { For, Show } from "solid-js";
import { breadcrumbsFor } from "./admin-nav.ts";

/** Where the current admin page sits; the last crumb is the page itself. */
export function Breadcrumbs() {
  const location = useLocation();
  const crumbs = () => breadcrumbsFor(location.pathname);
  return (
    <nav aria-label="Breadcrumb" data-testid="admin-breadcrumbs">
      <ol class="flex flex-wrap items-center gap-1 text-sm text-neutral-500 dark:text-neutral-400">
        <For each={crumbs()}>
          {(crumb, index) => (
            <li class="flex items-center gap-1">
              <Show when={index() > 0}>
                <span aria-hidden="true">›</span>
              </Show>
              <Show
                when={index() < crumbs().length - 1}
                fallback={
                  <span aria-current="page" class="font-medium text-neutral-900 dark:text-neutral-100">
                    {crumb.label}
                  </span>
                }
              >
                <A href={crumb.href} class="hover:text-indigo-600 hover:underline dark:hover:text-indigo-400">
                  {crumb.label}
                </A>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </nav>
  );
}
