import { and, asc, eq, getTableColumns } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { type LedgerEntry, ledgerEntries, type ReferenceType, wallets } from "./wallet.schema.ts";

/**
 * The user-wallet side of the booking for a reference (the deposit for a payment, the
 * viewer's debit for a meter event, …), or null when nothing was booked for it.
 */
export async function getLedgerEntryByReference(
  db: DbOrTx,
  referenceType: ReferenceType,
  referenceId: string,
): Promise<LedgerEntry | null> {
  const [row] = await db
    .select(getTableColumns(ledgerEntries))
    .from(ledgerEntries)
    .innerJoin(wallets, eq(wallets.id, ledgerEntries.walletId))
    .where(
      and(
        eq(ledgerEntries.referenceType, referenceType),
        eq(ledgerEntries.referenceId, referenceId),
        eq(wallets.kind, "USER"),
      ),
    )
    .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.id))
    .limit(1);
  return row ?? null;
}
