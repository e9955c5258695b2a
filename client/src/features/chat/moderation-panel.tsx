import { createResource, createSignal, For, onCleanup, Show } from "solid-js";
import type { ChatModes, ChatterDto } from "@contracts/chat.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { ConfirmDialog } from "../../ui/dialog/confirm-dialog.tsx";
import { getChatters, getModerationActions, moderateChat } from "./chat.api.ts";
import { BADGE_LABELS } from "./chat-labels.ts";
import type { ModerationKind } from "./chat-message-row.tsx";
import { ChatModesForm } from "./chat-modes-form.tsx";

/** Who is connected is read again this often. */
export const CHATTERS_POLL_MS = 10_000;

export interface ModerationPanelProps {
  streamId: string;
  /** The user's own id: no quick actions against oneself. */
  selfId: string | null;
  modes: ChatModes | null;
  onModesSaved: (modes: ChatModes) => void;
  onAct: (kind: Exclude<ModerationKind, "delete">, chatter: ChatterDto) => void;
  /** Bumped after each action, to re-read the recent actions. */
  actionsVersion: number;
}

const when = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });

/** Connected users with quick actions, recent actions, "Clear chat" and the chat modes. */
export function ModerationPanel(props: ModerationPanelProps) {
  const [chatters, { refetch: refetchChatters }] = createResource(
    () => props.streamId,
    (id) => getChatters(id),
  );
  const [actions, { refetch: refetchActions }] = createResource(
    () => [props.streamId, props.actionsVersion] as const,
    ([id]) => getModerationActions(id),
  );
  const timer = setInterval(() => void refetchChatters(), CHATTERS_POLL_MS);
  onCleanup(() => clearInterval(timer));

  const [confirmClear, setConfirmClear] = createSignal(false);
  const [clearing, setClearing] = createSignal(false);
  const [clearError, setClearError] = createSignal<string | null>(null);

  const clear = async () => {
    setClearing(true);
    setClearError(null);
    try {
      await moderateChat(props.streamId, { action: "clear", reason: "Chat cleared by a moderator" });
      setConfirmClear(false);
      void refetchActions();
    } catch (cause) {
      setClearError(errorMessage(cause));
    } finally {
      setClearing(false);
    }
  };

  const quick = "rounded px-1.5 py-0.5 text-xs font-medium hover:bg-neutral-200 dark:hover:bg-neutral-800";

  return (
    <section
      aria-label="Moderation"
      data-testid="moderation-panel"
      class="flex flex-col gap-5 rounded-xl border border-neutral-200 bg-white p-4 text-sm shadow-sm dark:border-neutral-800 dark:bg-neutral-900"
    >
      <ChatModesForm streamId={props.streamId} modes={props.modes} onSaved={props.onModesSaved} />

      <div>
        <button
          type="button"
          aria-haspopup="dialog"
          onClick={() => {
            setClearError(null);
            setConfirmClear(true);
          }}
          class="rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-400 dark:hover:bg-red-950/50"
        >
          Clear chat
        </button>
      </div>

      <div>
        <div class="flex items-center justify-between">
          <h3 class="font-semibold">Connected ({chatters.latest?.chatters.length ?? 0})</h3>
          <button
            type="button"
            class="text-xs text-indigo-600 hover:underline dark:text-indigo-400"
            onClick={() => void refetchChatters()}
          >
            Refresh
          </button>
        </div>
        <Show when={chatters.error}>
          <p class="text-xs text-red-700 dark:text-red-400">{errorMessage(chatters.error)}</p>
        </Show>
        <ul class="mt-2 flex max-h-48 flex-col gap-1 overflow-y-auto" data-testid="chatters">
          <For each={chatters.latest?.chatters ?? []}>
            {(chatter) => (
              <li class="flex items-center gap-2" data-testid="chatter" data-user-id={chatter.userId}>
                <span class="min-w-0 flex-1 truncate">
                  {chatter.displayName}
                  <Show when={BADGE_LABELS[chatter.badge]}>
                    {(label) => <span class="ml-1 text-xs text-neutral-500 dark:text-neutral-400">({label()})</span>}
                  </Show>
                </span>
                <Show when={chatter.userId !== props.selfId && chatter.badge !== "BROADCASTER"}>
                  <button type="button" class={quick} onClick={() => props.onAct("mute", chatter)}>
                    Mute<span class="sr-only"> {chatter.displayName}</span>
                  </button>
                  <button type="button" class={quick} onClick={() => props.onAct("ban", chatter)}>
                    Ban<span class="sr-only"> {chatter.displayName}</span>
                  </button>
                  <button type="button" class={quick} onClick={() => props.onAct("warn", chatter)}>
                    Warn<span class="sr-only"> {chatter.displayName}</span>
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </div>

      <div>
        <h3 class="font-semibold">Recent actions</h3>
        <Show when={actions.error}>
          <p class="text-xs text-red-700 dark:text-red-400">{errorMessage(actions.error)}</p>
        </Show>
        <Show
          when={(actions.latest?.actions.length ?? 0) > 0}
          fallback={<p class="text-xs text-neutral-500 dark:text-neutral-400">No actions yet.</p>}
        >
          <ul class="mt-2 flex max-h-48 flex-col gap-1 overflow-y-auto text-xs" data-testid="moderation-actions">
            <For each={actions.latest?.actions ?? []}>
              {(action) => (
                <li>
                  <time datetime={action.createdAt} class="text-neutral-500 dark:text-neutral-400">
                    {when(action.createdAt)}
                  </time>{" "}
                  <span class="font-medium">{action.actorName ?? "A moderator"}</span> {action.action.toLowerCase()}
                  <Show when={action.targetName}>{(name) => <> {name()}</>}</Show>
                  <Show when={action.reason}>{(reason) => <>: {reason()}</>}</Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>

      <ConfirmDialog
        open={confirmClear()}
        title="Clear the chat?"
        description="Every message disappears for everyone watching. This cannot be undone."
        confirmLabel="Clear chat"
        pendingLabel="Clearing…"
        pending={clearing()}
        error={clearError()}
        danger
        onConfirm={() => void clear()}
        onClose={() => setConfirmClear(false)}
      />
    </section>
  );
}
