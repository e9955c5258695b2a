import type { NotificationDto } from "@contracts/notifications.ts";
import { A, useSearchParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { errorMessage } from "../../lib/api/api-error.ts";
import { createCursorList } from "../../lib/cursor-list.ts";
import { createNow } from "../../lib/now.ts";
import { EmptyNotice } from "../../ui/feedback/empty-notice.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { LoadMore } from "../../ui/feedback/load-more.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { NotificationItem } from "./notification-item.tsx";
import { useNotifications } from "./notifications-context.tsx";
import {
  listNotifications,
  markAllNotificationsRead,
  setNotificationsRead,
  type ReadFilter,
} from "./notifications.api.ts";
import { emptyMessage, parseReadFilter, READ_FILTERS } from "./notifications-page-state.ts";

const buttonClass =
  "rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 disabled:opacity-50 dark:border-neutral-700 dark:hover:bg-neutral-800";

/** /dashboard/notifications — every notification, filtered (All / Unread / Read, in the URL), with bulk actions. */
export default function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const filter = (): ReadFilter => parseReadFilter(params.filter);
  const store = useNotifications();
  const unread = () => store()?.unreadCount() ?? 0;
  const now = createNow(30_000);
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal("");

  const list = createCursorList<NotificationDto, ReadFilter>({
    key: filter,
    fetchPage: async (key, cursor, signal) => {
      setSelected(new Set<string>());
      const page = await listNotifications({ filter: key, cursor, limit: 20 }, signal);
      return { items: page.notifications, nextCursor: page.nextCursor };
    },
  });

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected());
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const allSelected = () => list.items().length > 0 && list.items().every((n) => selected().has(n.id));

  const act = async (run: () => Promise<{ updated: number }>, done: (n: number) => string) => {
    setBusy(true);
    setError(null);
    try {
      const { updated } = await run();
      setStatus(done(updated));
      setSelected(new Set<string>());
      await Promise.all([list.reload(), store()?.refresh()]);
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };
  const bulk = (read: boolean) =>
    void act(
      () => setNotificationsRead([...selected()], read),
      (n) => `${n} marked ${read ? "read" : "unread"}.`,
    );
  const markAll = () => void act(markAllNotificationsRead, (n) => `${n} marked read.`);

  return (
    <div class="flex flex-col gap-6">
      <PageMeta title="Notifications" description="Everything Tollgate has told you." />
      <div class="flex flex-wrap items-center justify-between gap-3">
        <h1 class="text-3xl font-bold tracking-tight">Notifications</h1>
        <A
          href="/dashboard/settings/notifications"
          class="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
        >
          Notification settings
        </A>
        <button type="button" class={buttonClass} disabled={busy() || unread() === 0} onClick={markAll}>
          Mark all as read
        </button>
      </div>

      <div role="group" aria-label="Show" class="flex gap-1">
        <For each={READ_FILTERS}>
          {(option) => (
            <button
              type="button"
              aria-pressed={filter() === option.value}
              class="rounded-md px-3 py-1.5 text-sm font-medium aria-pressed:bg-indigo-600 aria-pressed:text-white"
              classList={{ "hover:bg-neutral-100 dark:hover:bg-neutral-800": filter() !== option.value }}
              onClick={() => setParams({ filter: option.value === "all" ? undefined : option.value })}
            >
              {option.label}
            </button>
          )}
        </For>
      </div>

      <p role="status" aria-live="polite" class="text-sm text-neutral-700 empty:hidden dark:text-neutral-300">
        {status()}
      </p>
      <Show when={error()}>{(message) => <ErrorNotice message={message()} />}</Show>

      <Show when={list.items().length > 0}>
        <div class="flex flex-wrap items-center gap-3">
          <label class="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              class="size-4"
              checked={allSelected()}
              onChange={(e) => setSelected(new Set(e.currentTarget.checked ? list.items().map((n) => n.id) : []))}
            />
            Select all
          </label>
          <button
            type="button"
            class={buttonClass}
            disabled={busy() || selected().size === 0}
            onClick={() => bulk(true)}
          >
            Mark selected read
          </button>
          <button
            type="button"
            class={buttonClass}
            disabled={busy() || selected().size === 0}
            onClick={() => bulk(false)}
          >
            Mark selected unread
          </button>
        </div>
      </Show>

      <Show
        when={list.loaded()}
        fallback={
          <Show when={list.error()} fallback={<LoadingNotice label="Loading notifications…" />}>
            <ErrorNotice message={errorMessage(list.error())} onRetry={() => void list.reload()} />
          </Show>
        }
      >
        <Show when={list.items().length > 0} fallback={<EmptyNotice message={emptyMessage(filter())} />}>
          <ul
            data-testid="notification-list"
            class="divide-y divide-neutral-200 rounded-lg border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800"
          >
            <For each={list.items()}>
              {(n) => (
                <li class="flex items-start gap-2 p-2" data-testid="notification-row" data-read={String(n.read)}>
                  <input
                    type="checkbox"
                    class="mt-3 size-4 shrink-0"
                    aria-label={`Select “${n.title}”`}
                    checked={selected().has(n.id)}
                    onChange={(e) => toggle(n.id, e.currentTarget.checked)}
                  />
                  <div class="min-w-0 flex-1">
                    <NotificationItem
                      type={n.type}
                      title={n.title}
                      message={n.message}
                      href={n.link}
                      createdAt={n.createdAt}
                      unread={!n.read}
                      now={now()}
                      onOpen={() => {
                        if (!n.read)
                          void store()
                            ?.markRead(n.id)
                            .catch(() => undefined);
                      }}
                    />
                  </div>
                </li>
              )}
            </For>
          </ul>
          <LoadMore hasMore={list.hasMore()} loading={list.loading()} onLoadMore={() => void list.loadMore()} />
        </Show>
      </Show>
    </div>
  );
}
