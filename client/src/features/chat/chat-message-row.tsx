import { Show } from "solid-js";
import type { ChatMessageDto } from "@contracts/chat.ts";
import { Badge, type BadgeTone } from "../../ui/feedback/badge.tsx";
import { DropdownMenu, type MenuAction } from "../../ui/menu/dropdown-menu.tsx";
import { BADGE_LABELS, initials } from "./chat-labels.ts";
import type { PendingMessage } from "./chat-state.ts";
import { renderShortcodes } from "./emoji-shortcodes.ts";

export type ModerationKind = "delete" | "mute" | "ban" | "warn";

const BADGE_TONES: Record<ChatMessageDto["badge"], BadgeTone> = {
  BROADCASTER: "red",
  ADMIN: "violet",
  MODERATOR: "green",
  CREATOR: "indigo",
  VIEWER: "neutral",
};

const timeLabel = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
};

function Avatar(props: { name: string; url: string | null }) {
  return (
    <Show
      when={props.url}
      fallback={
        <span
          aria-hidden="true"
          class="flex size-7 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-[0.65rem] font-semibold text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200"
        >
          {initials(props.name)}
        </span>
      }
    >
      {(url) => <img src={url()} alt={props.name} class="size-7 shrink-0 rounded-full object-cover" loading="lazy" />}
    </Show>
  );
}

export interface ChatMessageRowProps {
  message: ChatMessageDto;
  mine: boolean;
  /** Signed-in users get a menu: moderators act, everyone else reports. */
  canModerate: boolean;
  signedIn: boolean;
  onModerate: (kind: ModerationKind, message: ChatMessageDto) => void;
  onReport: (message: ChatMessageDto) => void;
}

/** One message: who, when, and the text as text (never markup). */
export function ChatMessageRow(props: ChatMessageRowProps) {
  const badge = () => BADGE_LABELS[props.message.badge];
  const actions = (): MenuAction[] => {
    const m = props.message;
    if (props.canModerate) {
      return [
        { label: "Delete message", onSelect: () => props.onModerate("delete", m), danger: true },
        { label: "Mute user…", onSelect: () => props.onModerate("mute", m) },
        { label: "Ban user…", onSelect: () => props.onModerate("ban", m), danger: true },
        { label: "Warn user…", onSelect: () => props.onModerate("warn", m) },
      ];
    }
    return [{ label: "Report message…", onSelect: () => props.onReport(m) }];
  };
  return (
    <li
      data-testid="chat-message"
      data-message-id={props.message.id}
      data-user-id={props.message.userId}
      class="group flex gap-2 rounded-md px-2 py-1.5 hover:bg-neutral-50 dark:hover:bg-neutral-900"
    >
      <Avatar name={props.message.displayName} url={props.message.avatarUrl} />
      <div class="min-w-0 flex-1">
        <div class="flex flex-wrap items-center gap-x-2 text-xs">
          <span class="font-semibold text-neutral-900 dark:text-neutral-100" data-testid="chat-author">
            {props.message.displayName}
          </span>
          <Show when={badge()}>
            {(label) => (
              <Badge tone={BADGE_TONES[props.message.badge]} testId="chat-badge">
                {label()}
              </Badge>
            )}
          </Show>
          <time datetime={props.message.createdAt} class="text-neutral-500 dark:text-neutral-400">
            {timeLabel(props.message.createdAt)}
          </time>
        </div>
        <p
          data-testid="chat-text"
          dir="auto"
          class="text-sm break-words whitespace-pre-wrap text-neutral-800 [unicode-bidi:plaintext] dark:text-neutral-200"
        >
          {renderShortcodes(props.message.text)}
        </p>
      </div>
      <Show when={props.signedIn && !props.mine}>
        <div class="opacity-100 sm:opacity-0 sm:group-focus-within:opacity-100 sm:group-hover:opacity-100">
          <DropdownMenu
            label={`Actions for the message from ${props.message.displayName}`}
            testId="chat-message-actions"
            trigger={<span aria-hidden="true">⋯</span>}
            items={actions()}
          />
        </div>
      </Show>
    </li>
  );
}

export interface PendingRowProps {
  pending: PendingMessage;
  displayName: string;
  onRetry: () => void;
  onDismiss: () => void;
}

/** The user's own message before the object answers (dimmed), or after it refused it (with why). */
export function PendingRow(props: PendingRowProps) {
  const rejected = () => props.pending.status === "rejected";
  return (
    <li
      data-testid="chat-pending"
      data-status={props.pending.status}
      data-code={props.pending.code}
      class="flex gap-2 rounded-md px-2 py-1.5"
      classList={{ "opacity-60": !rejected() }}
    >
      <Avatar name={props.displayName} url={null} />
      <div class="min-w-0 flex-1">
        <div class="flex flex-wrap items-center gap-x-2 text-xs">
          <span class="font-semibold">{props.displayName}</span>
          <span class="text-neutral-500 dark:text-neutral-400">{rejected() ? "Not sent" : "Sending…"}</span>
        </div>
        <p
          dir="auto"
          class="text-sm break-words whitespace-pre-wrap [unicode-bidi:plaintext]"
          classList={{ "line-through": rejected() }}
        >
          {renderShortcodes(props.pending.text)}
        </p>
        <Show when={rejected()}>
          <p role="alert" data-testid="chat-rejection" class="mt-1 text-xs text-red-700 dark:text-red-400">
            {props.pending.reason}{" "}
            <Show when={props.pending.code === "NOT_SENT"}>
              <button type="button" class="font-medium underline" onClick={() => props.onRetry()}>
                Send again
              </button>{" "}
            </Show>
            <button type="button" class="font-medium underline" onClick={() => props.onDismiss()}>
              Dismiss
            </button>
          </p>
        </Show>
      </div>
    </li>
  );
}
