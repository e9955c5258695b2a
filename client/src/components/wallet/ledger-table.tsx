import { For, Show } from "solid-js";
import type { LedgerEntryDto } from "@contracts/wallet.ts";
import { creditsSign, formatCredits } from "../../lib/credits.ts";
import { ledgerReference } from "../../lib/ledger.ts";
import { tdClass, thClass } from "../credits/payment-history-table.tsx";
import { Badge } from "../feedback/badge.tsx";
import { LedgerTypeBadge } from "./ledger-type-badge.tsx";

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

const amountClass = (amount: string) => {
  const sign = creditsSign(amount);
  if (sign > 0) return "text-emerald-700 dark:text-emerald-400";
  if (sign < 0) return "text-red-700 dark:text-red-400";
  return "";
};

/** Wallet entries, newest first, each with the balance it left behind. */
export function LedgerTable(props: { entries: LedgerEntryDto[] }) {
  return (
    <div
      class="overflow-x-auto rounded-lg border border-neutral-200 dark:border-neutral-800"
      role="region"
      aria-label="Ledger table"
      tabindex="0"
    >
      <table class="min-w-full divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
        <thead class="bg-neutral-50 dark:bg-neutral-900">
          <tr>
            <th scope="col" class={thClass}>
              Date
            </th>
            <th scope="col" class={thClass}>
              Type
            </th>
            <th scope="col" class={`${thClass} text-right`}>
              Amount
            </th>
            <th scope="col" class={`${thClass} text-right`}>
              Balance
            </th>
            <th scope="col" class={thClass}>
              Reference
            </th>
          </tr>
        </thead>
        <tbody class="divide-y divide-neutral-200 dark:divide-neutral-800">
          <For each={props.entries}>
            {(entry) => {
              const reference = ledgerReference(entry);
              return (
                <tr data-testid="ledger-row" data-type={entry.type}>
                  <td class={tdClass}>
                    <time datetime={entry.createdAt}>{dateTimeFormat.format(new Date(entry.createdAt))}</time>
                  </td>
                  <td class={tdClass}>
                    <div class="flex items-center gap-1.5">
                      <LedgerTypeBadge type={entry.type} />
                      <Show when={entry.clawback}>
                        <Badge tone="red">Clawback</Badge>
                      </Show>
                    </div>
                  </td>
                  <td
                    data-testid="ledger-amount"
                    class={`${tdClass} text-right font-medium tabular-nums ${amountClass(entry.amount)}`}
                  >
                    {formatCredits(entry.amount, { signed: true })}
                  </td>
                  <td data-testid="ledger-balance" class={`${tdClass} text-right tabular-nums`}>
                    {formatCredits(entry.balanceAfter)}
                  </td>
                  <td class={`${tdClass} whitespace-normal`}>
                    <span class="block">{reference.label}</span>
                    <Show when={reference.detail || reference.shortId}>
                      <span class="block text-xs text-neutral-500 dark:text-neutral-400" title={entry.referenceId}>
                        {[reference.detail, reference.shortId].filter(Boolean).join(" · ")}
                      </span>
                    </Show>
                  </td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
    </div>
  );
}
