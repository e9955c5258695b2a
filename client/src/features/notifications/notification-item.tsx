import type { NotificationTypeName } from "@contracts/notifications.ts";
import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { NotificationIcon } from "./notification-icon.tsx";
import { relativeTime } from "./relative-time.ts";

export interface NotificationItemProps {
  type: NotificationTypeName;
  title: string;
  message: string | null;
  /** Where clicking goes; without one the item is a button that only marks it read. */
  href: string | null;
  createdAt: string;
  unread: boolean;
  now: number;
  onOpen: () => void;
}

/** One notification (or a group of similar ones): icon, title, message, when, unread dot. */
export function NotificationItem(props: NotificationItemProps) {
  const body = () => (
    <>
      <NotificationIcon type={props.type} />
      <span class="min-w-0 flex-1">
        <span
          class="block text-sm"
          classList={{
            "font-semibold text-neutral-900 dark:text-white": props.unread,
            "text-neutral-700 dark:text-neutral-300": !props.unread,
          }}
        >
          {props.title}
        </span>
        <Show when={props.message}>
          {(message) => <span class="block truncate text-sm text-neutral-600 dark:text-neutral-400">{message()}</span>}
        </Show>
        <time datetime={props.createdAt} class="block text-xs text-neutral-500 dark:text-neutral-400">
          {relativeTime(props.createdAt, props.now)}
        </time>
      </span>
      <Show when={props.unread}>
        <span class="mt-1.5 size-2 shrink-0 rounded-full bg-indigo-600 dark:bg-indigo-400" aria-hidden="true" />
        <span class="sr-only">(unread)</span>
      </Show>
    </>
  );
  const itemClass =
    "flex w-full items-start gap-3 rounded-md px-3 py-2 text-left hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-neutral-800";
  return (
    <Show
      when={props.href}
      fallback={
        <button type="button" class={itemClass} onClick={() => props.onOpen()} data-testid="notification-item">
          {body()}
        </button>
      }
    >
      {(href) => (
        <A href={href()} class={itemClass} onClick={() => props.onOpen()} data-testid="notification-item">
          {body()}
        </A>
      )}
    </Show>
  );
}
