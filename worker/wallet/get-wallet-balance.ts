import { and, count, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { payments, wallets } from "../db/schema/index.ts";

export interface WalletBalance {
  /** Null while the user has no wallet yet (balance 0). */
  walletId: string | null;
  balance: bigint;
  currency: "CREDITS";
  /** Number of the user's payments still awaiting the provider. */
  pendingPayments: number;
}

/** The cached balance of the user's wallet; reading never creates the wallet. */
export async function getWalletBalance(db: DbOrTx, userId: string): Promise<WalletBalance> {
  const [[wallet], [pending]] = await Promise.all([
    db
      .select({ id: wallets.id, balance: wallets.balance })
      .from(wallets)
      .where(and(eq(wallets.kind, "USER"), eq(wallets.userId, userId))),
    db
      .select({ n: count() })
      .from(payments)
      .where(and(eq(payments.userId, userId), eq(payments.status, "PENDING"))),
  ]);
  return {
    walletId: wallet?.id ?? null,
    balance: wallet?.balance ?? 0n,
    currency: "CREDITS",
    pendingPayments: pending?.n ?? 0,
  };
}
