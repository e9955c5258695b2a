import { For, Show } from "solid-js";
import type { PaymentDto } from "@contracts/payments.ts";
import { formatCredits } from "../../lib/credits.ts";
import { formatMoney, isPositiveAmount } from "../../lib/money.ts";
import { PaymentStatusBadge } from "./payment-status-badge.tsx";

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const PROVIDERS: Record<PaymentDto["provider"], string> = { STRIPE: "Card (Stripe)", COINBASE: "Crypto (Coinbase)" };

export const thClass =
  "px-3 py-2 text-left text-xs font-semibold tracking-wide text-neutral-500 uppercase dark:text-neutral-400";
export const tdClass = "px-3 py-3 align-top whitespace-nowrap";

/** The buyer's payments, newest first. */
export function PaymentHistoryTable(props: { payments: PaymentDto[] }) {
  return (
    <div
      class="overflow-x-auto rounded-lg border border-neutral-200 dark:border-neutral-800"
      role="region"
      aria-label="Payment history table"
      tabindex="0"
    >
      <table class="min-w-full divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
        <thead class="bg-neutral-50 dark:bg-neutral-900">
          <tr>
            <th scope="col" class={thClass}>
              Date
            </th>
            <th scope="col" class={thClass}>
              Package
            </th>
            <th scope="col" class={`${thClass} text-right`}>
              Amount
            </th>
            <th scope="col" class={`${thClass} text-right`}>
              Credits
            </th>
            <th scope="col" class={thClass}>
              Provider
            </th>
            <th scope="col" class={thClass}>
              Status
            </th>
          </tr>
        </thead>
        <tbody class="divide-y divide-neutral-200 dark:divide-neutral-800">
          <For each={props.payments}>
            {(payment) => (
              <tr data-testid="payment-row" data-payment-id={payment.id}>
                <td class={tdClass}>
                  <time datetime={payment.createdAt}>{dateTimeFormat.format(new Date(payment.createdAt))}</time>
                </td>
                <td class={tdClass}>{payment.priceName ?? "—"}</td>
                <td class={`${tdClass} text-right tabular-nums`}>
                  {formatMoney(payment.amount, payment.currency)}
                  <Show when={isPositiveAmount(payment.refundedAmount)}>
                    <span class="block text-xs text-violet-700 dark:text-violet-300">
                      Refunded {formatMoney(payment.refundedAmount, payment.currency)}
                    </span>
                  </Show>
                </td>
                <td class={`${tdClass} text-right tabular-nums`}>
                  {formatCredits(payment.credits, { compact: true })}
                </td>
                <td class={tdClass}>{PROVIDERS[payment.provider]}</td>
                <td class={tdClass}>
                  <PaymentStatusBadge status={payment.status} />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
