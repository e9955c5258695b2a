import { and, eq, sql } from "drizzle-orm";
import { writeAuditLog } from "../platform/audit/write-audit-log.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { ledgerEntries, wallets } from "./wallet.schema.ts";
import { notFound } from "../platform/errors.ts";

export interface ReconcileReport {
  walletId: string;
  /** wallet.balance before the run. */
  cached: bigint;
  /** Sum of the wallet's entries. */
  computed: bigint;
  /** cached − computed: how far the cache had drifted. */
  difference: bigint;
  /** True when the cache was reset to the computed sum. */
  corrected: boolean;
}

/**
 * Compares a user's cached balance with the sum of the wallet's entries and repairs the
 * cache if it drifted.
 *
 * The entries are the truth and every booking changes entries and cache together, so a
 * mismatch can only mean the cache was changed outside postTransfer. The repair therefore
 * resets the cache; it does not book an ADJUSTMENT entry, which would move the cache and the
 * sum by the same amount (leaving the gap where it was) and invent money on the other leg.
 * The wallet row is locked first: bookings on it wait, so the sum cannot move underneath.
 */
export async function reconcileWallet(
  db: DbOrTx,
  options: { userId: string; adminId: string },
): Promise<ReconcileReport> {
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: wallets.id, balance: wallets.balance })
      .from(wallets)
      .where(and(eq(wallets.kind, "USER"), eq(wallets.userId, options.userId)))
      .for("update");
    if (!locked) throw notFound("Wallet");
    const [sum] = await tx
      .select({ computed: sql<bigint>`coalesce(sum(${ledgerEntries.amount}), 0)::bigint`.mapWith(BigInt) })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.walletId, locked.id));
    const computed = sum?.computed ?? 0n;
    const difference = locked.balance - computed;
    const corrected = difference !== 0n;
    if (corrected) {
      const [fixed] = await tx
        .update(wallets)
        .set({ balance: computed })
        .where(and(eq(wallets.id, locked.id), eq(wallets.balance, locked.balance)))
        .returning({ id: wallets.id });
      if (!fixed) throw new Error(`reconcileWallet: wallet ${locked.id} changed while locked`);
    }
    await writeAuditLog(tx, {
      actorId: options.adminId,
      action: corrected ? "wallet.reconcile.corrected" : "wallet.reconcile.clean",
      targetType: "WALLET",
      targetId: locked.id,
      metadata: {
        userId: options.userId,
        cached: locked.balance.toString(),
        computed: computed.toString(),
        difference: difference.toString(),
        corrected,
      },
    });
    return { walletId: locked.id, cached: locked.balance, computed, difference, corrected };
  });
}
