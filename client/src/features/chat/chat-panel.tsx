import { A } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { ChatMessageDto, ChatterDto } from "@contracts/chat.ts";
import { loginPath } from "../../lib/redirect.ts";
import { useSession } from "../auth/session-context.tsx";
import { useWallet } from "../wallet/wallet-context.tsx";
import { ChatGatePrompt } from "./chat-gate-prompt.tsx";
import { ChatInput } from "./chat-input.tsx";
import { modesSummary } from "./chat-labels.ts";
import { ChatMessageList } from "./chat-message-list.tsx";
import type { ModerationKind } from "./chat-message-row.tsx";
import { ChatStatus } from "./chat-status.tsx";
import { createChatStore } from "./chat-store.ts";
import { ModerationDialog, type ModerationTarget } from "./moderation-dialog.tsx";
import { ModerationPanel } from "./moderation-panel.tsx";
import { ReportDialog } from "./report-dialog.tsx";

export interface ChatPanelProps {
  streamId: string;
  /**
   * "open": the moderation panel is shown (the creator's page); "collapsible": shown behind a
   * toggle to users who may moderate (the watch page).
   */
  moderation?: "open" | "collapsible";
}

/** The live chat column of a stream: signed-in users connect; others are asked to sign in. */
export function ChatPanel(props: ChatPanelProps) {
  const auth = useSession();
  return (
    <section aria-label="Live chat" data-testid="chat-panel" class="flex flex-col gap-4">
      <Show
        when={auth.status() === "signed-in"}
        fallback={
          <div class="rounded-xl border border-neutral-200 bg-white p-4 text-sm shadow-sm dark:border-neutral-800 dark:bg-neutral-900">
            <h2 class="font-semibold">Live chat</h2>
            <Show when={auth.status() === "signed-out"} fallback={<p class="mt-2">Checking your session…</p>}>
              <p class="mt-2 text-neutral-600 dark:text-neutral-400">
                <A
                  href={loginPath(window.location.pathname)}
                  class="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                >
                  Sign in
                </A>{" "}
                to chat.
              </p>
            </Show>
          </div>
        }
      >
        <Show when={props.streamId} keyed>
          {(streamId) => <ConnectedChat streamId={streamId} moderation={props.moderation ?? "collapsible"} />}
        </Show>
      </Show>
    </section>
  );
}

function ConnectedChat(props: { streamId: string; moderation: "open" | "collapsible" }) {
  const chat = createChatStore(props.streamId);
  const wallet = useWallet();
  const [target, setTarget] = createSignal<ModerationTarget | null>(null);
  const [reporting, setReporting] = createSignal<ChatMessageDto | null>(null);
  const [panelOpen, setPanelOpen] = createSignal(props.moderation === "open");
  const [actionsVersion, setActionsVersion] = createSignal(0);

  const gate = () => chat.gate();
  const live = () => chat.status().kind === "live";
  const canSend = () => live() && (gate()?.canSend ?? false);

  const moderateMessage = (kind: ModerationKind, message: ChatMessageDto) =>
    setTarget({
      kind,
      userId: message.userId,
      displayName: message.displayName,
      messageId: message.id,
      text: message.text,
    });
  const moderateChatter = (kind: Exclude<ModerationKind, "delete">, chatter: ChatterDto) =>
    setTarget({ kind, userId: chatter.userId, displayName: chatter.displayName });

  const panelId = `moderation-${props.streamId}`;

  return (
    <>
      <div class="flex h-[28rem] flex-col rounded-xl border border-neutral-200 bg-white shadow-sm lg:h-[36rem] dark:border-neutral-800 dark:bg-neutral-950">
        <header class="flex flex-col gap-1 border-b border-neutral-200 px-3 py-2 dark:border-neutral-800">
          <div class="flex items-center justify-between gap-2">
            <h2 class="text-sm font-semibold">Live chat</h2>
            <ChatStatus status={chat.status()} onRetry={chat.retryNow} />
          </div>
          <Show when={modesSummary(chat.modes()).length > 0}>
            <ul
              class="flex flex-wrap gap-1.5 text-xs text-neutral-600 dark:text-neutral-400"
              data-testid="chat-modes"
              aria-label="Chat modes"
            >
              <For each={modesSummary(chat.modes())}>
                {(mode) => <li class="rounded bg-neutral-100 px-1.5 py-0.5 dark:bg-neutral-800">{mode}</li>}
              </For>
            </ul>
          </Show>
        </header>

        <Show when={chat.notice()}>
          {(notice) => (
            <div
              role={notice().kind === "warning" || notice().kind === "banned" ? "alert" : "status"}
              data-testid="chat-notice"
              data-kind={notice().kind}
              class="mx-2 mt-2 flex items-start justify-between gap-2 rounded-md p-2 text-sm"
              classList={{
                "bg-amber-50 text-amber-900 dark:bg-amber-950/50 dark:text-amber-100": notice().kind !== "error",
                "bg-red-50 text-red-800 dark:bg-red-950/50 dark:text-red-200": notice().kind === "error",
              }}
            >
              <span>{notice().text}</span>
              <button
                type="button"
                aria-label="Dismiss notice"
                class="text-xs underline"
                onClick={() => chat.dismissNotice()}
              >
                Dismiss
              </button>
            </div>
          )}
        </Show>

        <Show when={gate()}>
          {(current) => <ChatGatePrompt gate={current()} balance={wallet.balance()?.balance ?? null} />}
        </Show>

        <ChatMessageList chat={chat} signedIn onModerate={moderateMessage} onReport={setReporting} />

        <ChatInput chat={chat} canSend={canSend()} />
      </div>

      <Show when={chat.canModerate()}>
        <Show when={props.moderation === "collapsible"}>
          <button
            type="button"
            aria-expanded={panelOpen()}
            aria-controls={panelId}
            onClick={() => setPanelOpen((open) => !open)}
            class="self-start rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800"
          >
            {panelOpen() ? "Hide moderation tools" : "Show moderation tools"}
          </button>
        </Show>
        <Show when={panelOpen()}>
          <div id={panelId}>
            <ModerationPanel
              streamId={props.streamId}
              selfId={chat.you()?.userId ?? null}
              modes={chat.modes()}
              onModesSaved={(modes) => chat.apply({ type: "modes", modes })}
              onAct={moderateChatter}
              actionsVersion={actionsVersion()}
            />
          </div>
        </Show>
      </Show>

      <ModerationDialog
        streamId={props.streamId}
        target={target()}
        onClose={() => setTarget(null)}
        onDone={(done) => {
          if (done.kind === "delete" && done.messageId) chat.apply({ type: "deleted", messageIds: [done.messageId] });
          setActionsVersion((v) => v + 1);
        }}
      />
      <ReportDialog message={reporting()} onClose={() => setReporting(null)} />
    </>
  );
}
