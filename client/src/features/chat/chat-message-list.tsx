import { createEffect, createSignal, For, on, onCleanup, onMount, Show } from "solid-js";
import type { ChatMessageDto } from "@contracts/chat.ts";
import type { ModerationKind } from "./chat-message-row.tsx";
import { ChatMessageRow, PendingRow } from "./chat-message-row.tsx";
import type { ChatStore } from "./chat-store.ts";

/** Within this many pixels of the bottom counts as "at the bottom" (auto-scroll stays on). */
const BOTTOM_SLACK_PX = 48;
/** Scrolling this close to the top loads the page before. */
const TOP_LOAD_PX = 24;

export interface ChatMessageListProps {
  chat: ChatStore;
  signedIn: boolean;
  onModerate: (kind: ModerationKind, message: ChatMessageDto) => void;
  onReport: (message: ChatMessageDto) => void;
}

/**
 * The messages as a log: it follows new messages while the reader is at the bottom; scrolled up,
 * a "New messages" pill appears instead; scrolling to the top loads older messages.
 */
export function ChatMessageList(props: ChatMessageListProps) {
  let scroller: HTMLDivElement | undefined;
  const [atBottom, setAtBottom] = createSignal(true);
  const [unseen, setUnseen] = createSignal(0);

  const scrollToBottom = () => {
    if (!scroller) return;
    scroller.scrollTop = scroller.scrollHeight;
    setUnseen(0);
    setAtBottom(true);
  };

  const onScroll = () => {
    if (!scroller) return;
    const bottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= BOTTOM_SLACK_PX;
    setAtBottom(bottom);
    if (bottom) setUnseen(0);
    if (scroller.scrollTop <= TOP_LOAD_PX && props.chat.hasOlder() && !props.chat.loadingOlder()) void loadOlder();
  };

  /** Keeps the reader's place while older messages are put above it. */
  const loadOlder = async () => {
    if (!scroller) return;
    const fromBottom = scroller.scrollHeight - scroller.scrollTop;
    await props.chat.loadOlder();
    queueMicrotask(() => {
      if (scroller) scroller.scrollTop = scroller.scrollHeight - fromBottom;
    });
  };

  // New messages: follow them at the bottom, count them otherwise.
  createEffect(
    on(
      () => [props.chat.messages(), props.chat.pending()] as const,
      ([messages], previous) => {
        const before = previous?.[0] ?? [];
        const lastBefore = before.at(-1)?.id;
        const lastNow = messages.at(-1)?.id;
        if (atBottom()) {
          queueMicrotask(scrollToBottom);
        } else if (lastNow !== lastBefore) {
          const known = new Set(before.map((m) => m.id));
          setUnseen((n) => n + messages.filter((m) => !known.has(m.id)).length);
        }
      },
    ),
  );

  onMount(() => {
    const observer = new ResizeObserver(() => {
      if (atBottom()) scrollToBottom();
    });
    if (scroller) observer.observe(scroller);
    onCleanup(() => observer.disconnect());
  });

  const you = () => props.chat.you();

  return (
    <div class="relative flex min-h-0 flex-1 flex-col">
      <div
        ref={scroller}
        onScroll={onScroll}
        data-testid="chat-scroller"
        class="min-h-0 flex-1 overflow-y-auto px-1 py-2"
        tabIndex={0}
        aria-label="Message history"
      >
        <Show when={props.chat.hasOlder()}>
          <div class="flex justify-center py-1">
            <button
              type="button"
              onClick={() => void loadOlder()}
              class="text-xs font-medium text-indigo-600 hover:underline disabled:opacity-60 dark:text-indigo-400"
              disabled={props.chat.loadingOlder()}
            >
              {props.chat.loadingOlder() ? "Loading older messages…" : "Load older messages"}
            </button>
          </div>
        </Show>
        <Show when={props.chat.olderError()}>
          <p class="px-2 text-xs text-red-700 dark:text-red-400">Older messages could not be loaded.</p>
        </Show>
        {/* The log itself is not live: news is announced, throttled, by the region below. */}
        <ul role="log" aria-live="off" aria-label="Chat" data-testid="chat-log" class="flex flex-col">
          <For each={props.chat.messages()}>
            {(message) => (
              <ChatMessageRow
                message={message}
                mine={message.userId === you()?.userId}
                canModerate={props.chat.canModerate()}
                signedIn={props.signedIn && you() !== null}
                onModerate={props.onModerate}
                onReport={props.onReport}
              />
            )}
          </For>
          <For each={props.chat.pending()}>
            {(pending) => (
              <PendingRow
                pending={pending}
                displayName={you()?.displayName ?? "You"}
                onRetry={() => props.chat.retry(pending.clientId)}
                onDismiss={() => props.chat.dismissPending(pending.clientId)}
              />
            )}
          </For>
        </ul>
        <Show when={props.chat.messages().length === 0 && props.chat.pending().length === 0}>
          <p class="px-2 py-6 text-center text-sm text-neutral-500 dark:text-neutral-400" data-testid="chat-empty">
            No messages yet. Say hello!
          </p>
        </Show>
      </div>
      <Show when={!atBottom() && unseen() > 0}>
        <button
          type="button"
          data-testid="chat-new-messages"
          onClick={scrollToBottom}
          class="absolute bottom-2 left-1/2 -translate-x-1/2 rounded-full bg-indigo-600 px-3 py-1 text-xs font-semibold text-white shadow hover:bg-indigo-500"
        >
          New messages ({unseen()})
        </button>
      </Show>
      <div aria-live="polite" aria-atomic="true" class="sr-only" data-testid="chat-announcer">
        {props.chat.announcement()}
      </div>
    </div>
  );
}
