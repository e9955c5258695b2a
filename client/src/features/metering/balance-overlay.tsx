import { Show } from "solid-js";
import { formatCredits } from "@contracts/money.ts";
import { displayCredits } from "../../lib/credits.ts";
import { createNow } from "../../lib/now.ts";
import type { MeteringStatus } from "./metering-loop.ts";
import { intervalCostMillis } from "./session-end.ts";

export interface BalanceOverlayProps {
  remainingCredits: string | null;
  ratePerMinute: string;
  intervalMs: number;
  nextTickAt: number | null;
  status: MeteringStatus | null;
}

const NOTES: Partial<Record<MeteringStatus, string>> = {
  hidden: "Paused while this tab is hidden: you are not charged.",
  offline: "You are offline. Billing resumes when you are back.",
  retrying: "Reaching Tollgate to confirm your viewing time…",
  stream_paused: "The stream is paused: you are not charged.",
};

/**
 * Over the player while a session runs: the balance (announced politely when it changes), what
 * one interval costs, and a countdown to the next debit.
 */
export function BalanceOverlay(props: BalanceOverlayProps) {
  const now = createNow(250);
  const secondsLeft = () =>
    props.nextTickAt === null ? null : Math.max(0, Math.ceil((props.nextTickAt - now()) / 1000));
  const perInterval = () => {
    const millis = intervalCostMillis(props.ratePerMinute, props.intervalMs);
    return millis === null ? null : displayCredits(formatCredits(millis), { compact: true });
  };
  const intervalSeconds = () => Math.round(props.intervalMs / 100) / 10;

  return (
    <div
      data-testid="balance-overlay"
      class="flex flex-wrap items-center gap-x-6 gap-y-1 rounded-lg border border-neutral-200 bg-white px-4 py-3 text-sm shadow-sm dark:border-neutral-800 dark:bg-neutral-900"
    >
      <p aria-live="polite" aria-atomic="true">
        <span class="text-neutral-500 dark:text-neutral-400">Balance </span>
        <span data-testid="watch-balance" class="font-semibold tabular-nums">
          {props.remainingCredits === null ? "—" : displayCredits(props.remainingCredits, { compact: true })}
        </span>{" "}
        credits
      </p>
      <Show when={perInterval()}>
        {(cost) => (
          <p class="text-neutral-600 dark:text-neutral-400">
            {cost()} {cost() === "1" ? "credit" : "credits"} every {intervalSeconds()} s
          </p>
        )}
      </Show>
      {/* A timer, not a live region: announcing every second would drown everything else out. */}
      <p role="timer" aria-label="Time to the next debit" data-testid="next-debit" class="tabular-nums">
        <Show when={secondsLeft() !== null} fallback={<span class="text-neutral-500">Not charging</span>}>
          Next debit in {secondsLeft()} s
        </Show>
      </p>
      <Show when={props.status && NOTES[props.status]}>
        {(note) => (
          <p role="status" data-testid="meter-note" class="w-full text-amber-700 dark:text-amber-400">
            {note()}
          </p>
        )}
      </Show>
    </div>
  );
}
