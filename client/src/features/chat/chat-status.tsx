import { Show } from "solid-js";
import { createNow } from "../../lib/now.ts";
import type { ConnectionStatus } from "./chat-connection.ts";
import { statusLabel } from "./chat-labels.ts";

const DOT: Record<ConnectionStatus["kind"], string> = {
  connecting: "bg-neutral-400",
  live: "bg-emerald-500",
  reconnecting: "bg-amber-500",
  "read-only": "bg-amber-500",
  banned: "bg-red-500",
  ended: "bg-neutral-400",
  stopped: "bg-neutral-400",
};

export function ChatStatus(props: { status: ConnectionStatus; onRetry: () => void }) {
  const now = createNow(500);
  const waiting = () => props.status.kind === "reconnecting" || props.status.kind === "read-only";
  return (
    <p
      class="flex items-center gap-2 text-xs text-neutral-600 dark:text-neutral-400"
      data-testid="chat-status"
      data-state={props.status.kind}
    >
      <span aria-hidden="true" class={`size-2 rounded-full ${DOT[props.status.kind]}`} />
      {/* The countdown changes every second: only the state itself is worth announcing. */}
      <span>{statusLabel(props.status, now())}</span>
      <Show when={waiting()}>
        <button
          type="button"
          class="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
          onClick={() => props.onRetry()}
        >
          Retry now
        </button>
      </Show>
    </p>
  );
}
