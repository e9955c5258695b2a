import { groupNotifications, type NotificationGroup } from "@contracts/notifications.ts";
import { A } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import { errorMessage } from "../../lib/api/api-error.ts";
import { createNow } from "../../lib/now.ts";
import { NotificationItem } from "./notification-item.tsx";
import type { NotificationsStore } from "./notifications-store.ts";

/** The bell's dropdown: the latest notifications (similar unread ones grouped), mark all read, view all. */
export default function NotificationPanel(props: { store: NotificationsStore; onClose: () => void }) {
  const now = createNow(30_000);
  const [error, setError] = createSignal<string | null>(null);
  const groups = createMemo(() => groupNotifications(props.store.latest()));

  const openGroup = (group: NotificationGroup) => {
    setError(null);
    for (const item of group.items) {
      if (!item.read) void props.store.markRead(item.id).catch((e: unknown) => setError(errorMessage(e)));
    }
    props.onClose();
  };
  const markAll = () => {
    setError(null);
    props.store.markAllRead().catch((e: unknown) => setError(errorMessage(e)));
  };

  return (
    <div data-testid="notification-panel">
      <div class="flex items-center justify-between gap-2 border-b border-neutral-200 px-3 py-2 dark:border-neutral-800">
        <h2 class="text-sm font-semibold text-neutral-900 dark:text-white">Notifications</h2>
        <Show when={props.store.unreadCount() > 0}>
          <button
            type="button"
            class="rounded text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
            onClick={markAll}
          >
            Mark all as read
          </button>
        </Show>
      </div>
      <Show when={error()}>
        {(message) => (
          <p role="alert" class="px-3 py-2 text-sm text-red-700 dark:text-red-400">
            {message()}
          </p>
        )}
      </Show>
      <Show
        when={groups().length > 0}
        fallback={
          <p class="px-3 py-6 text-center text-sm text-neutral-600 dark:text-neutral-400">
            {props.store.loaded() ? "You're all caught up: no notifications yet." : "Loading…"}
          </p>
        }
      >
        <ul class="max-h-96 overflow-y-auto py-1">
          <For each={groups()}>
            {(group) => {
              const first = () => group.items[0];
              const single = () => group.items.length === 1;
              return (
                <Show when={first()}>
                  {(item) => (
                    <li>
                      <NotificationItem
                        type={group.type}
                        title={group.title}
                        message={single() ? item().message : null}
                        href={single() ? item().link : "/dashboard/notifications?filter=unread"}
                        createdAt={item().createdAt}
                        unread={group.items.some((i) => !i.read)}
                        now={now()}
                        onOpen={() => openGroup(group)}
                      />
                    </li>
                  )}
                </Show>
              );
            }}
          </For>
        </ul>
      </Show>
      <div class="border-t border-neutral-200 px-3 py-2 text-center dark:border-neutral-800">
        <A
          href="/dashboard/notifications"
          class="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
          onClick={() => props.onClose()}
        >
          View all
        </A>
      </div>
    </div>
  );
}
