import { Show } from "solid-js";
import { createDisclosure } from "../../ui/layout/disclosure.ts";
import { BellIcon } from "./notification-icon.tsx";
import { useNotifications } from "./notifications-context.tsx";
import { badgeText, bellLabel } from "./notifications-state.ts";

import NotificationPanel from "./notification-panel.tsx";

/** The navbar's bell: the unread badge and a disclosure with the latest notifications. */
export default function NotificationBell() {
  const store = useNotifications();
  const unread = () => store()?.unreadCount() ?? 0;
  const panel = createDisclosure();
  const { open, setOpen } = panel;

  return (
    <div ref={panel.rootRef} class="relative" onKeyDown={(e) => panel.onKeyDown(e)}>
      <button
        ref={panel.buttonRef}
        type="button"
        aria-label={bellLabel(unread())}
        aria-expanded={open()}
        aria-controls="notification-panel"
        data-testid="notification-bell"
        onClick={() => panel.toggle()}
        class="relative rounded-md p-2 text-neutral-600 hover:bg-neutral-100 dark:text-neutral-300 dark:hover:bg-neutral-800"
      >
        <BellIcon />
        <Show when={unread() > 0}>
          <span
            data-testid="notification-badge"
            aria-hidden="true"
            class="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs leading-5 font-semibold text-white tabular-nums"
          >
            {badgeText(unread())}
          </span>
        </Show>
      </button>
      <Show when={open()}>
        <div
          id="notification-panel"
          class="absolute right-0 z-50 mt-2 w-[min(22rem,calc(100vw-2rem))] rounded-lg border border-neutral-200 bg-white p-1 shadow-lg dark:border-neutral-800 dark:bg-neutral-900"
        >
          <Show when={store()} fallback={<p class="px-3 py-2 text-sm text-neutral-500">Loading…</p>}>
            {(s) => <NotificationPanel store={s()} onClose={() => setOpen(false)} />}
          </Show>
        </div>
      </Show>
    </div>
  );
}
