import { Show } from "solid-js";
import type { PaymentDto } from "@contracts/payments.ts";
import { displayCredits } from "../../lib/credits.ts";
import { formatMoney, isPositiveAmount } from "../../lib/money.ts";
import { DataTable, type DataColumn } from "../../ui/data-table.tsx";
import { PaymentStatusBadge } from "./payment-status-badge.tsx";

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const PROVIDERS: Record<PaymentDto["provider"], string> = { STRIPE: "Card (Stripe)", COINBASE: "Crypto (Coinbase)" };

const columns: DataColumn<PaymentDto>[] = [
  {
    header: "Date",
    cell: (payment) => <time datetime={payment.createdAt}>{dateTimeFormat.format(new Date(payment.createdAt))}</time>,
  },
  { header: "Package", cell: (payment) => payment.priceName ?? "—" },
  {
    header: "Amount",
    align: "right",
    class: "tabular-nums",
    cell: (payment) => (
      <>
        {formatMoney(payment.amount, payment.currency)}
        <Show when={isPositiveAmount(payment.refundedAmount)}>
          <span class="block text-xs text-violet-700 dark:text-violet-300">
            Refunded {formatMoney(payment.refundedAmount, payment.currency)}
          </span>
        </Show>
      </>
    ),
  },
  {
    header: "Credits",
    align: "right",
    class: "tabular-nums",
    cell: (payment) => displayCredits(payment.credits, { compact: true }),
  },
  { header: "Provider", cell: (payment) => PROVIDERS[payment.provider] },
  { header: "Status", cell: (payment) => <PaymentStatusBadge status={payment.status} /> },
];

/** The buyer's payments, newest first. */
export function PaymentHistoryTable(props: { payments: PaymentDto[] }) {
  return (
    <DataTable
      label="Payment history table"
      columns={columns}
      rows={props.payments}
      rowTestId="payment-row"
      rowData={(payment) => ({ "data-payment-id": payment.id })}
    />
  );
}
