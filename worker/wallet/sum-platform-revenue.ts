import { and, eq, gt, gte, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { ledgerEntries, wallets } from "./wallet.schema.ts";

/**
 * Platform revenue over [from, to): the credits booked to the PLATFORM_REVENUE account
 * (settled fees, spends, adjustments taken back), millicredits. Goodwill paid out of it
 * (its debits) is an expense, not negative revenue, and is left out.
 */
export async function sumPlatformRevenue(db: DbOrTx, input: { from: Date; to: Date }): Promise<bigint> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)::bigint` })
    .from(ledgerEntries)
    .innerJoin(wallets, eq(wallets.id, ledgerEntries.walletId))
    .where(
      and(
        eq(wallets.kind, "PLATFORM_REVENUE"),
        gt(ledgerEntries.amount, 0n),
        gte(ledgerEntries.createdAt, input.from),
        lt(ledgerEntries.createdAt, input.to),
      ),
    );
  return BigInt(row?.total ?? "0");
}
