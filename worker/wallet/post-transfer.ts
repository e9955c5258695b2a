import { and, asc, eq, gte, or, sql } from "drizzle-orm";
import type { PgInsertValue } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../platform/db/client.ts";
import {
  type LedgerEntry,
  type LedgerEntryType,
  ledgerEntries,
  ledgerTransfers,
  type ReferenceType,
  wallets,
} from "./wallet.schema.ts";

export interface TransferLeg {
  walletId: string;
  /** Signed millicredits: negative takes from the wallet, positive adds to it. Never zero. */
  amount: bigint;
  type: LedgerEntryType;
  referenceType: ReferenceType;
  referenceId: string;
  metadata?: Record<string, unknown>;
  /** This debit may take the wallet below zero (PROVIDER_CLEARING always may). */
  allowNegative?: boolean;
  /** A refund clawback: may go below zero, and the entry is flagged when it does. */
  clawback?: boolean;
}

export interface PostTransferOptions {
  /** Deterministic key (e.g. `meter:<sessionId>:<interval>`): the transfer books at most once. */
  idempotencyKey: string;
  description: string;
  legs: readonly TransferLeg[];
}

export type PostTransferResult =
  | { status: "posted"; transferId: string; entries: LedgerEntry[] }
  | { status: "duplicate"; transferId: string; entries: LedgerEntry[] }
  | { status: "insufficient_funds"; walletId: string };

/** Thrown inside the transaction only to roll it back; never escapes postTransfer. */
class InsufficientFunds extends Error {
  readonly walletId: string;
  constructor(walletId: string) {
    super(`insufficient funds in wallet ${walletId}`);
    this.walletId = walletId;
  }
}

function assertWellFormed(options: PostTransferOptions): void {
  const { legs, idempotencyKey } = options;
  if (idempotencyKey.length === 0) throw new Error("postTransfer: empty idempotency key");
  if (legs.length < 2) throw new Error(`postTransfer(${idempotencyKey}): a transfer needs at least two legs`);
  let sum = 0n;
  const seen = new Set<string>();
  for (const leg of legs) {
    if (leg.amount === 0n) throw new Error(`postTransfer(${idempotencyKey}): zero-amount leg on ${leg.walletId}`);
    if (seen.has(leg.walletId)) throw new Error(`postTransfer(${idempotencyKey}): two legs on ${leg.walletId}`);
    seen.add(leg.walletId);
    sum += leg.amount;
  }
  if (sum !== 0n) throw new Error(`postTransfer(${idempotencyKey}): legs sum to ${sum}, not zero`);
}

/**
 * The one way money moves: a balanced set of legs booked in a single transaction.
 *
 * - The idempotency key is claimed first by `insert … on conflict do nothing`: a replay (even
 *   a concurrent one, which waits on the unique index) books nothing and gets the original.
 * - Balances change by conditional updates in wallet-id order (no deadlocks between
 *   transfers sharing accounts); a debit that would take a non-negative account below zero
 *   matches no row, and the whole transaction rolls back.
 * - Entries record balance_after from the update's RETURNING, so the history carries a
 *   running balance without ever reading a balance before writing it.
 */
export async function postTransfer(db: DbOrTx, options: PostTransferOptions): Promise<PostTransferResult> {
  assertWellFormed(options);
  const legs = [...options.legs].sort((a, b) => (a.walletId < b.walletId ? -1 : a.walletId > b.walletId ? 1 : 0));
  const total = legs.reduce((acc, leg) => (leg.amount > 0n ? acc + leg.amount : acc), 0n);

  try {
    return await db.transaction(async (tx): Promise<PostTransferResult> => {
      const [claimed] = await tx
        .insert(ledgerTransfers)
        .values({ idempotencyKey: options.idempotencyKey, amount: total, description: options.description })
        .onConflictDoNothing({ target: ledgerTransfers.idempotencyKey })
        .returning({ id: ledgerTransfers.id });
      if (!claimed) return replayTransfer(tx, options.idempotencyKey);

      const rows: PgInsertValue<typeof ledgerEntries>[] = [];
      for (const leg of legs) {
        const unconditional = leg.amount > 0n || leg.allowNegative === true || leg.clawback === true;
        const [updated] = await tx
          .update(wallets)
          .set({ balance: sql`${wallets.balance} + ${leg.amount}` })
          .where(
            unconditional
              ? eq(wallets.id, leg.walletId)
              : and(
                  eq(wallets.id, leg.walletId),
                  or(gte(wallets.balance, -leg.amount), eq(wallets.kind, "PROVIDER_CLEARING")),
                ),
          )
          .returning({ balance: wallets.balance, userId: wallets.userId });
        if (!updated) throw new InsufficientFunds(leg.walletId);
        rows.push({
          transferId: claimed.id,
          walletId: leg.walletId,
          userId: updated.userId,
          type: leg.type,
          amount: leg.amount,
          balanceAfter: updated.balance,
          referenceType: leg.referenceType,
          referenceId: leg.referenceId,
          clawback: leg.clawback === true && updated.balance < 0n,
          metadata: leg.metadata ?? {},
          // Taken while this wallet's row lock is held: per wallet, created_at order is
          // booking order, so (created_at, id) pages the history in running-balance order.
          createdAt: sql`clock_timestamp()`,
        });
      }
      const entries = await tx.insert(ledgerEntries).values(rows).returning();
      return { status: "posted", transferId: claimed.id, entries };
    });
  } catch (error) {
    if (!(error instanceof InsufficientFunds)) throw error;
    // Off the hot path: a debit that matched no row must be a real, short account.
    const [exists] = await db.select({ id: wallets.id }).from(wallets).where(eq(wallets.id, error.walletId));
    if (!exists) throw new Error(`postTransfer(${options.idempotencyKey}): wallet ${error.walletId} does not exist`);
    return { status: "insufficient_funds", walletId: error.walletId };
  }
}

async function replayTransfer(db: DbOrTx, idempotencyKey: string): Promise<PostTransferResult> {
  const [original] = await db
    .select({ id: ledgerTransfers.id })
    .from(ledgerTransfers)
    .where(eq(ledgerTransfers.idempotencyKey, idempotencyKey));
  if (!original) throw new Error(`postTransfer(${idempotencyKey}): key conflicted but no transfer holds it`);
  const entries = await db
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.transferId, original.id))
    .orderBy(asc(ledgerEntries.walletId));
  return { status: "duplicate", transferId: original.id, entries };
}
