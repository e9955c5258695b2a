import { and, desc, eq, getTableColumns, lte, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { type LedgerEntry, type LedgerEntryType, ledgerEntries, wallets } from "./wallet.schema.ts";
import { decodeCursorText, invalidCursor } from "../platform/cursor.ts";

export interface ListLedgerEntriesOptions {
  userId: string;
  /** nextCursor of the previous page. */
  cursor?: string | undefined;
  /** 1–100. */
  limit: number;
  type?: LedgerEntryType | undefined;
  /** Which of the user's accounts: the wallet (default) or a creator's earnings. */
  account?: "USER" | "CREATOR_EARNINGS";
}

export interface LedgerPage {
  /** Newest first; balanceAfter of each is the running balance. */
  entries: LedgerEntry[];
  nextCursor: string | null;
}

// created_at keeps microseconds and a JS Date only milliseconds, so the cursor carries the
// exact microsecond epoch as Postgres computes it, plus the id that breaks ties.
const CURSOR = /^(\d{1,18}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
/** 9999-12-31T23:59:59.999999Z: past it the bigint-to-timestamptz arithmetic would fail (a 500). */
const MAX_MICROS = 253_402_300_799_999_999n;

function encodeCursor(micros: string, id: string): string {
  return btoa(`${micros}:${id}`).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function decodeCursor(cursor: string): { micros: string; id: string } {
  const match = CURSOR.exec(decodeCursorText(cursor));
  if (!match?.[1] || !match[2] || BigInt(match[1]) > MAX_MICROS) throw invalidCursor();
  return { micros: match[1], id: match[2] };
}

/** The user's ledger history, newest first, paged by (created_at, id). */
export async function listLedgerEntries(db: DbOrTx, options: ListLedgerEntriesOptions): Promise<LedgerPage> {
  if (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > 100) {
    throw new Error(`listLedgerEntries: limit must be 1–100, got ${options.limit}`);
  }
  const walletId = sql`(select ${wallets.id} from ${wallets} where ${wallets.kind} = ${options.account ?? "USER"} and ${wallets.userId} = ${options.userId})`;
  const conditions: SQL[] = [sql`${ledgerEntries.walletId} = ${walletId}`];
  if (options.type) conditions.push(eq(ledgerEntries.type, options.type));
  if (options.cursor !== undefined) {
    const { micros, id } = decodeCursor(options.cursor);
    const at = sql`(timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond')`;
    conditions.push(lte(ledgerEntries.createdAt, at));
    conditions.push(sql`(${ledgerEntries.createdAt}, ${ledgerEntries.id}) < (${at}, ${id}::uuid)`);
  }
  const rows = await db
    .select({
      ...getTableColumns(ledgerEntries),
      micros: sql<string>`(extract(epoch from ${ledgerEntries.createdAt}) * 1000000)::bigint::text`,
    })
    .from(ledgerEntries)
    .where(and(...conditions))
    .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > options.limit && last ? encodeCursor(last.micros, last.id) : null;
  return { entries: page.map(({ micros: _micros, ...entry }) => entry), nextCursor };
}
