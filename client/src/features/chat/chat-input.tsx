import { createSignal, createUniqueId, lazy, Show, Suspense } from "solid-js";
import { CHAT_MAX_GRAPHEMES, CHAT_RATE_WINDOW_MS } from "@contracts/chat.ts";
import { createNow } from "../../lib/now.ts";
import { allowanceWarning, enterSends, graphemesLeft, secondsUntil } from "./chat-input-rules.ts";
import type { ChatStore } from "./chat-store.ts";

// The picker component (and through it emoji-mart and its data) is a chunk of its own.
const EmojiPicker = lazy(() => import("./emoji-picker.tsx").then((m) => ({ default: m.EmojiPicker })));

export interface ChatInputProps {
  chat: ChatStore;
  /** The connection is up and the gate lets this user send. */
  canSend: boolean;
}

/** The message box: Enter sends, Shift+Enter adds a line; characters left, rate warnings, cooldowns. */
export function ChatInput(props: ChatInputProps) {
  const id = `chat-input-${createUniqueId()}`;
  const [text, setText] = createSignal("");
  const [pickerOpen, setPickerOpen] = createSignal(false);
  const [sendError, setSendError] = createSignal<string | null>(null);
  const now = createNow(250);
  let textarea: HTMLTextAreaElement | undefined;
  let emojiButton: HTMLButtonElement | undefined;

  const left = () => graphemesLeft(text());
  const cooldown = () => {
    const until = props.chat.cooldownUntil();
    return until === null ? 0 : secondsUntil(until, now());
  };
  const warning = () => allowanceWarning(props.chat.allowance(), CHAT_RATE_WINDOW_MS);
  const disabled = () => !props.canSend;
  const blocked = () => disabled() || cooldown() > 0;

  const submit = () => {
    if (left() < 0) {
      setSendError(
        `Too long: ${-left()} ${left() === -1 ? "character" : "characters"} over the ${CHAT_MAX_GRAPHEMES} limit.`,
      );
      return;
    }
    if (blocked() || !text().trim()) return;
    if (props.chat.send(text())) {
      setText("");
      setSendError(null);
    } else {
      setSendError("Not connected: your message was not sent.");
    }
  };

  const insert = (emoji: string) => {
    const el = textarea;
    if (!el) {
      setText((t) => t + emoji);
      return;
    }
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? start;
    const next = el.value.slice(0, start) + emoji + el.value.slice(end);
    setText(next);
    el.value = next;
    el.setSelectionRange(start + emoji.length, start + emoji.length);
  };

  return (
    <form
      class="flex flex-col gap-1 border-t border-neutral-200 p-2 dark:border-neutral-800"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label for={id} class="sr-only">
        Chat message
      </label>
      <div class="relative flex items-end gap-2">
        <textarea
          id={id}
          ref={textarea}
          rows={2}
          data-testid="chat-input"
          placeholder={disabled() ? "You cannot chat right now" : "Send a message"}
          disabled={disabled()}
          value={text()}
          aria-describedby={`${id}-counter ${id}-status`}
          aria-invalid={left() < 0 ? "true" : undefined}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setSendError(null);
          }}
          onKeyDown={(event) => {
            if (enterSends(event)) {
              event.preventDefault();
              submit();
            }
          }}
          class="min-h-10 flex-1 resize-none rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/40 focus:outline-none disabled:cursor-not-allowed disabled:bg-neutral-100 dark:border-neutral-700 dark:bg-neutral-900 dark:disabled:bg-neutral-800"
        />
        <button
          type="button"
          ref={emojiButton}
          aria-label="Insert emoji"
          aria-expanded={pickerOpen()}
          aria-haspopup="dialog"
          disabled={disabled()}
          onClick={() => setPickerOpen((open) => !open)}
          class="rounded-md border border-neutral-300 px-2 py-2 text-sm hover:bg-neutral-100 disabled:opacity-50 dark:border-neutral-700 dark:hover:bg-neutral-800"
        >
          <span aria-hidden="true">🙂</span>
        </button>
        <Show when={pickerOpen()}>
          <Suspense>
            <EmojiPicker
              toggle={emojiButton}
              onPick={(emoji) => {
                insert(emoji);
                setPickerOpen(false);
                textarea?.focus();
              }}
              onClose={() => {
                setPickerOpen(false);
                textarea?.focus();
              }}
            />
          </Suspense>
        </Show>
        <button
          type="submit"
          data-testid="chat-send"
          aria-disabled={blocked() || left() < 0}
          disabled={disabled()}
          class="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 dark:bg-indigo-500 dark:hover:bg-indigo-400"
        >
          <Show when={cooldown() > 0} fallback="Send">
            {cooldown()} s
          </Show>
        </button>
      </div>
      <div class="flex flex-wrap items-center justify-between gap-2 text-xs">
        <p
          id={`${id}-status`}
          aria-live="polite"
          data-testid="chat-input-status"
          class="text-amber-700 dark:text-amber-400"
        >
          <Show when={cooldown() > 0 && !disabled()}>
            <span data-testid="chat-cooldown">You can send again in {cooldown()} s. </span>
          </Show>
          <Show when={warning()}>{(message) => <span data-testid="chat-rate-warning">{message()}</span>}</Show>
          <Show when={sendError()}>
            {(message) => (
              <span data-testid="chat-send-error" class="text-red-700 dark:text-red-400">
                {message()}
              </span>
            )}
          </Show>
        </p>
        <p
          id={`${id}-counter`}
          data-testid="chat-counter"
          class="ml-auto tabular-nums"
          classList={{
            "text-red-700 dark:text-red-400": left() < 0,
            "text-neutral-500 dark:text-neutral-400": left() >= 0,
          }}
        >
          <span class="sr-only">Characters left: </span>
          {left()}
          <span aria-hidden="true"> / {CHAT_MAX_GRAPHEMES}</span>
        </p>
      </div>
    </form>
  );
}
