import { A, Navigate, useLocation } from "@solidjs/router";
import { createEffect, createSignal, For, on, Show, Suspense, type ParentProps } from "solid-js";
import { RouteErrorBoundary } from "../../ui/feedback/route-error-boundary.tsx";
import { CloseIcon, MenuIcon } from "../../ui/icons.tsx";
import { canAccess } from "../auth/access.ts";
import { useSession } from "../auth/session-context.tsx";
import { adminSectionsFor } from "./admin-nav.ts";
import { AdminSkeleton } from "./admin-skeleton.tsx";
import { Breadcrumbs } from "./breadcrumbs.tsx";

const linkClass = "block rounded-md px-3 py-2 text-sm font-medium";
const activeClass = "bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300";
const inactiveClass =
  "text-neutral-700 hover:bg-neutral-100 hover:text-neutral-900 dark:text-neutral-300 dark:hover:bg-neutral-800 dark:hover:text-white";

/**
 * The admin console's frame (behind <RequireRole area="moderation">): a sidebar with the sections
 * the user's role may open, breadcrumbs, and the active child route behind its own error boundary
 * and loading skeleton. On small screens the sidebar folds behind a button.
 */
export default function AdminLayout(props: ParentProps) {
  const session = useSession();
  const location = useLocation();
  const [open, setOpen] = createSignal(false);
  const role = () => session.me()?.user.role;
  const sections = () => {
    const current = role();
    return current ? adminSectionsFor(current) : [];
  };
  // A moderator's console is the moderation area; the overview is for admins.
  const sendToModeration = () => {
    const current = role();
    const path = location.pathname.replace(/\/+$/, "");
    return current !== undefined && path === "/admin" && !canAccess(current, "admin");
  };

  createEffect(
    on(
      () => location.pathname,
      () => setOpen(false),
      { defer: true },
    ),
  );

  return (
    <Show when={!sendToModeration()} fallback={<Navigate href="/admin/moderation" />}>
      <div class="flex flex-col gap-6 md:flex-row">
        <aside class="md:w-52 md:shrink-0">
          <button
            type="button"
            class="flex w-full items-center justify-between rounded-md border border-neutral-200 px-3 py-2 text-sm font-medium md:hidden dark:border-neutral-800"
            aria-expanded={open()}
            aria-controls="admin-sidebar"
            onClick={() => setOpen(!open())}
          >
            Admin menu
            <Show when={open()} fallback={<MenuIcon />}>
              <CloseIcon />
            </Show>
          </button>
          <nav
            id="admin-sidebar"
            aria-label="Admin"
            data-testid="admin-sidebar"
            class={`${open() ? "block" : "hidden"} mt-2 md:sticky md:top-24 md:mt-0 md:block`}
          >
            <ul class="flex flex-col gap-1">
              <For each={sections()}>
                {(section) => (
                  <li>
                    <A
                      href={section.href}
                      end={section.href === "/admin"}
                      class={linkClass}
                      activeClass={activeClass}
                      inactiveClass={inactiveClass}
                    >
                      {section.label}
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </nav>
        </aside>
        <div class="min-w-0 flex-1">
          <div class="mb-4">
            <Breadcrumbs />
          </div>
          <RouteErrorBoundary>
            <Suspense fallback={<AdminSkeleton />}>{props.children}</Suspense>
          </RouteErrorBoundary>
        </div>
      </div>
    </Show>
  );
}
