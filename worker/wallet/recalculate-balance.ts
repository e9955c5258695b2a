import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { ledgerEntries, wallets } from "./wallet.schema.ts";

export type WalletSelector = { walletId: string } | { userId: string };

export interface RecalculatedBalance {
  walletId: string;
  /** wallet.balance, the cache. */
  cached: bigint;
  /** Sum of the wallet's entries, the truth. */
  computed: bigint;
}

/**
 * Sums a wallet's entries next to its cached balance, in one statement (one snapshot).
 * A userId selects the user's USER wallet. Null when there is no such wallet.
 */
export async function recalculateBalance(db: DbOrTx, selector: WalletSelector): Promise<RecalculatedBalance | null> {
  const where =
    "walletId" in selector
      ? eq(wallets.id, selector.walletId)
      : and(eq(wallets.kind, "USER"), eq(wallets.userId, selector.userId));
  const [row] = await db
    .select({
      walletId: wallets.id,
      cached: wallets.balance,
      computed: sql<bigint>`coalesce(sum(${ledgerEntries.amount}), 0)::bigint`.mapWith(BigInt),
    })
    .from(wallets)
    .leftJoin(ledgerEntries, eq(ledgerEntries.walletId, wallets.id))
    .where(where)
    .groupBy(wallets.id);
  return row ?? null;
}
