import type { LedgerEntryDto } from "@contracts/wallet.ts";
import { Badge, type BadgeTone } from "../../ui/feedback/badge.tsx";

export const LEDGER_TYPES: Record<LedgerEntryDto["type"], { label: string; plural: string; tone: BadgeTone }> = {
  DEPOSIT: { label: "Deposit", plural: "Deposits", tone: "green" },
  DEBIT: { label: "Debit", plural: "Debits", tone: "amber" },
  REFUND: { label: "Refund", plural: "Refunds", tone: "violet" },
  ADJUSTMENT: { label: "Adjustment", plural: "Adjustments", tone: "blue" },
};

export function LedgerTypeBadge(props: { type: LedgerEntryDto["type"] }) {
  return (
    <Badge tone={LEDGER_TYPES[props.type].tone} testId="ledger-type">
      {LEDGER_TYPES[props.type].label}
    </Badge>
  );
}
