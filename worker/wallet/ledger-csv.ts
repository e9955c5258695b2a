import type { DbOrTx } from "../platform/db/client.ts";
import type { LedgerEntryType } from "./wallet.schema.ts";
import { listLedgerEntries } from "./list-ledger-entries.ts";
import { csvCell } from "../../contracts/csv.ts";
import { formatCredits } from "../../contracts/money.ts";

const HEADER = ["date", "type", "amount", "balance_after", "reference_type", "reference_id", "clawback", "entry_id"];
/** Most entries one export holds; a longer history is cut at the newest MAX_ROWS. */
export const MAX_ROWS = 50_000;

/** The user's ledger, newest first, as CSV (RFC 4180). */
export async function ledgerCsv(
  db: DbOrTx,
  options: { userId: string; type?: LedgerEntryType | undefined },
): Promise<string> {
  const lines = [HEADER.join(",")];
  let cursor: string | undefined;
  let rows = 0;
  do {
    const page = await listLedgerEntries(db, { userId: options.userId, type: options.type, cursor, limit: 100 });
    for (const e of page.entries) {
      lines.push(
        [
          e.createdAt.toISOString(),
          e.type,
          formatCredits(e.amount),
          formatCredits(e.balanceAfter),
          e.referenceType,
          e.referenceId,
          String(e.clawback),
          e.id,
        ]
          .map(csvCell)
          .join(","),
      );
    }
    rows += page.entries.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows < MAX_ROWS);
  return `${lines.join("\r\n")}\r\n`;
}
