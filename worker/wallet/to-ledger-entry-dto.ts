import type { LedgerEntryDto } from "../../contracts/wallet.ts";
import type { LedgerEntry } from "./wallet.schema.ts";
import { formatCredits } from "../../contracts/money.ts";

/** The columns a client may see, amounts as credit strings. */
export function toLedgerEntryDto(entry: LedgerEntry): LedgerEntryDto {
  return {
    id: entry.id,
    type: entry.type,
    amount: formatCredits(entry.amount),
    balanceAfter: formatCredits(entry.balanceAfter),
    referenceType: entry.referenceType,
    referenceId: entry.referenceId,
    clawback: entry.clawback,
    metadata: entry.metadata,
    createdAt: entry.createdAt.toISOString(),
  };
}
