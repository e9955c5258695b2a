import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { wallets } from "./wallet.schema.ts";

export interface WalletBalance {
  /** Null while the user has no wallet yet (balance 0). */
  walletId: string | null;
  balance: bigint;
  currency: "CREDITS";
}

/** The cached balance of the user's wallet; reading never creates the wallet. */
export async function getWalletBalance(db: DbOrTx, userId: string): Promise<WalletBalance> {
  const [wallet] = await db
    .select({ id: wallets.id, balance: wallets.balance })
    .from(wallets)
    .where(and(eq(wallets.kind, "USER"), eq(wallets.userId, userId)));
  return { walletId: wallet?.id ?? null, balance: wallet?.balance ?? 0n, currency: "CREDITS" };
}

/** Cached balances of many users' wallets (users without a wallet are absent: balance 0). */
export async function getWalletBalances(db: DbOrTx, userIds: readonly string[]): Promise<Map<string, bigint>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: wallets.userId, balance: wallets.balance })
    .from(wallets)
    .where(and(eq(wallets.kind, "USER"), inArray(wallets.userId, [...userIds])));
  return new Map(rows.flatMap((r) => (r.userId ? [[r.userId, r.balance] as const] : [])));
}
