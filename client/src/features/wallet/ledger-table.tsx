import { Show } from "solid-js";
import type { LedgerEntryDto } from "@contracts/wallet.ts";
import { displayCredits } from "../../lib/credits.ts";
import { DataTable, type DataColumn } from "../../ui/data-table.tsx";
import { Badge } from "../../ui/feedback/badge.tsx";
import { LedgerTypeBadge } from "./ledger-type-badge.tsx";
import { creditsSign, ledgerReference } from "./ledger.ts";

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

const amountClass = (amount: string) => {
  const sign = creditsSign(amount);
  if (sign > 0) return "text-emerald-700 dark:text-emerald-400";
  if (sign < 0) return "text-red-700 dark:text-red-400";
  return "";
};

const columns: DataColumn<LedgerEntryDto>[] = [
  {
    header: "Date",
    cell: (entry) => <time datetime={entry.createdAt}>{dateTimeFormat.format(new Date(entry.createdAt))}</time>,
  },
  {
    header: "Type",
    cell: (entry) => (
      <div class="flex items-center gap-1.5">
        <LedgerTypeBadge type={entry.type} />
        <Show when={entry.clawback}>
          <Badge tone="red">Clawback</Badge>
        </Show>
      </div>
    ),
  },
  {
    header: "Amount",
    align: "right",
    class: (entry) => `font-medium tabular-nums ${amountClass(entry.amount)}`,
    testId: "ledger-amount",
    cell: (entry) => displayCredits(entry.amount, { signed: true }),
  },
  {
    header: "Balance",
    align: "right",
    class: "tabular-nums",
    testId: "ledger-balance",
    cell: (entry) => displayCredits(entry.balanceAfter),
  },
  {
    header: "Reference",
    class: "whitespace-normal",
    cell: (entry) => {
      const reference = ledgerReference(entry);
      return (
        <>
          <span class="block">{reference.label}</span>
          <Show when={reference.detail || reference.shortId}>
            <span class="block text-xs text-neutral-500 dark:text-neutral-400" title={entry.referenceId}>
              {[reference.detail, reference.shortId].filter(Boolean).join(" · ")}
            </span>
          </Show>
        </>
      );
    },
  },
];

/** Wallet entries, newest first, each with the balance it left behind. */
export function LedgerTable(props: { entries: LedgerEntryDto[] }) {
  return (
    <DataTable
      label="Ledger table"
      columns={columns}
      rows={props.entries}
      rowTestId="ledger-row"
      rowData={(entry) => ({ "data-type": entry.type })}
    />
  );
}
