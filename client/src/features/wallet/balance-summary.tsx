import { Show, type ParentProps } from "solid-js";
import type { WalletBalanceDto } from "@contracts/wallet.ts";
import { displayCredits } from "../../lib/credits.ts";
import { BALANCE_LEVEL_LABELS, balanceLevel, type BalanceLevel } from "./balance-level.ts";

const LEVEL_DOT: Record<BalanceLevel, string> = {
  healthy: "bg-emerald-500",
  low: "bg-amber-400",
  empty: "bg-red-500",
};
const LEVEL_TEXT: Record<BalanceLevel, string> = {
  healthy: "text-emerald-700 dark:text-emerald-400",
  low: "text-amber-700 dark:text-amber-400",
  empty: "text-red-700 dark:text-red-400",
};

export interface BalanceSummaryProps {
  balance: WalletBalanceDto | null;
  /** Show the healthy / low / empty indicator. */
  showLevel?: boolean;
}

/** The balance, large; actions (Top up) come as children. */
export function BalanceSummary(props: ParentProps<BalanceSummaryProps>) {
  const level = () => (props.balance ? balanceLevel(props.balance.balance) : null);
  return (
    <section
      aria-labelledby="balance-heading"
      class="flex flex-wrap items-end justify-between gap-4 rounded-xl border border-neutral-200 bg-white p-6 shadow-sm dark:border-neutral-800 dark:bg-neutral-900"
    >
      <div>
        <h2 id="balance-heading" class="text-sm font-medium text-neutral-500 dark:text-neutral-400">
          Current balance
        </h2>
        <p class="mt-1 flex items-baseline gap-2">
          <span data-testid="wallet-balance" class="text-4xl font-bold tracking-tight tabular-nums">
            {props.balance ? displayCredits(props.balance.balance) : "—"}
          </span>
          <span class="text-neutral-600 dark:text-neutral-400">credits</span>
        </p>
        <Show when={props.showLevel && level()}>
          {(current) => (
            <p
              data-testid="balance-level"
              class={`mt-2 flex items-center gap-2 text-sm font-medium ${LEVEL_TEXT[current()]}`}
            >
              <span class={`size-2.5 rounded-full ${LEVEL_DOT[current()]}`} aria-hidden="true" />
              {BALANCE_LEVEL_LABELS[current()]}
            </p>
          )}
        </Show>
        <Show when={(props.balance?.pendingPayments ?? 0) > 0}>
          <p class="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
            {props.balance?.pendingPayments === 1
              ? "1 payment is waiting for confirmation."
              : `${props.balance?.pendingPayments} payments are waiting for confirmation.`}
          </p>
        </Show>
      </div>
      <div class="flex flex-wrap gap-2">{props.children}</div>
    </section>
  );
}
