import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { meterEvents, wallets } from "./wallet.schema.ts";

export interface GetSessionLedgerTotalsInput {
  sessionId: string;
  escrowWalletId: string;
}

export interface SessionLedgerTotals {
  /** Intervals recorded (0 ticks included). */
  intervals: number;
  /** Millicredits the viewer paid for this session: the sum of its meter events. */
  totalDebited: bigint;
  /** Millicredits still in the session's escrow, not yet settled. */
  escrowBalance: bigint;
  /** Millicredits already settled to the creator and the platform (totalDebited − escrowBalance). */
  settled: bigint;
}

/**
 * A session's money in one statement (one snapshot, so the three figures agree: a tick writes
 * its meter event and its escrow credit in one transaction, and only settlements take from the
 * escrow). For live stats and the end-of-session summary.
 */
export async function getSessionLedgerTotals(
  db: DbOrTx,
  input: GetSessionLedgerTotalsInput,
): Promise<SessionLedgerTotals> {
  const events = db
    .select({
      intervals: sql<number>`count(*)::int`.as("intervals"),
      totalDebited: sql<string>`coalesce(sum(${meterEvents.creditsDebited}), 0)::bigint`.as("total_debited"),
    })
    .from(meterEvents)
    .where(eq(meterEvents.sessionId, input.sessionId))
    .as("events");
  const [row] = await db
    .select({
      intervals: events.intervals,
      totalDebited: sql<bigint>`${events.totalDebited}`.mapWith(BigInt),
      escrowBalance: wallets.balance,
    })
    .from(wallets)
    .crossJoin(events)
    .where(and(eq(wallets.id, input.escrowWalletId), eq(wallets.kind, "SESSION_ESCROW")));
  if (!row) throw new Error(`getSessionLedgerTotals: wallet ${input.escrowWalletId} is not a SESSION_ESCROW account`);
  return {
    intervals: row.intervals,
    totalDebited: row.totalDebited,
    escrowBalance: row.escrowBalance,
    settled: row.totalDebited - row.escrowBalance,
  };
}
