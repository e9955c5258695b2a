import { A } from "@solidjs/router";
import { Show } from "solid-js";
import type { ChatGate } from "@contracts/chat.ts";
import { displayCredits } from "../../lib/credits.ts";
import { gatePrompt } from "./chat-labels.ts";

export interface ChatGatePromptProps {
  gate: ChatGate;
  /** The wallet balance (decimal credits), for NO_CREDIT. */
  balance: string | null;
}

/** Why this user cannot send, and what to do about it. */
export function ChatGatePrompt(props: ChatGatePromptProps) {
  const prompt = () => gatePrompt(props.gate);
  return (
    <Show when={prompt()}>
      {(current) => (
        <div
          role="status"
          data-testid="chat-gate"
          data-reason={props.gate.reason ?? "CLOSED"}
          class="mx-2 mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100"
        >
          <p class="font-semibold">{current().title}</p>
          <p class="mt-1">{current().message}</p>
          <Show when={props.gate.reason === "NO_CREDIT"}>
            <p class="mt-2 flex flex-wrap items-center gap-3">
              <Show when={props.balance}>
                {(balance) => (
                  <span data-testid="chat-gate-balance">
                    Your balance: {displayCredits(balance(), { compact: true })} credits
                  </span>
                )}
              </Show>
              <A
                href="/credits"
                class="rounded-md bg-indigo-600 px-3 py-1 text-xs font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400"
              >
                Top up
              </A>
            </p>
          </Show>
        </div>
      )}
    </Show>
  );
}
