import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { PAYMENT_PROVIDERS, type PaymentProvider } from "../../contracts/payments.ts";
import { wallets } from "./wallet.schema.ts";

/**
 * Ledger accounts are created on first need and never twice: each insert relies on a unique
 * index (wallet_kind_user_uq, wallet_kind_provider_uq, wallet_platform_revenue_uq) and does
 * nothing on conflict; the id is then read back. Safe to run concurrently.
 */

async function ensureOwnedAccount(db: DbOrTx, kind: "USER" | "CREATOR_EARNINGS", userId: string): Promise<string> {
  const inserted = await db
    .insert(wallets)
    .values({ kind, userId })
    .onConflictDoNothing()
    .returning({ id: wallets.id });
  if (inserted[0]) return inserted[0].id;
  const [row] = await db
    .select({ id: wallets.id })
    .from(wallets)
    .where(and(eq(wallets.kind, kind), eq(wallets.userId, userId)));
  if (!row) throw new Error(`ensure ${kind} account: insert conflicted but no row for user ${userId}`);
  return row.id;
}

/** The user's spending wallet (kind USER). */
export function ensureUserWallet(db: DbOrTx, userId: string): Promise<string> {
  return ensureOwnedAccount(db, "USER", userId);
}

/** The creator's earnings account (kind CREATOR_EARNINGS, user_id = creator). */
export function ensureCreatorEarnings(db: DbOrTx, creatorId: string): Promise<string> {
  return ensureOwnedAccount(db, "CREATOR_EARNINGS", creatorId);
}

export interface SystemAccounts {
  platformRevenue: string;
  clearing: Record<PaymentProvider, string>;
}

/** Platform revenue plus one clearing account per payment provider. */
export async function ensureSystemAccounts(db: DbOrTx): Promise<SystemAccounts> {
  const providers = PAYMENT_PROVIDERS;
  await db
    .insert(wallets)
    .values([
      { kind: "PLATFORM_REVENUE" as const },
      ...providers.map((provider) => ({ kind: "PROVIDER_CLEARING" as const, provider })),
    ])
    .onConflictDoNothing();
  const rows = await db
    .select({ id: wallets.id, kind: wallets.kind, provider: wallets.provider })
    .from(wallets)
    .where(inArray(wallets.kind, ["PLATFORM_REVENUE", "PROVIDER_CLEARING"]));
  const platformRevenue = rows.find((r) => r.kind === "PLATFORM_REVENUE")?.id;
  if (!platformRevenue) throw new Error("ensureSystemAccounts: no PLATFORM_REVENUE account after insert");
  const clearingFor = (provider: PaymentProvider): string => {
    const id = rows.find((r) => r.kind === "PROVIDER_CLEARING" && r.provider === provider)?.id;
    if (!id) throw new Error(`ensureSystemAccounts: no PROVIDER_CLEARING account for ${provider}`);
    return id;
  };
  return { platformRevenue, clearing: { STRIPE: clearingFor("STRIPE"), COINBASE: clearingFor("COINBASE") } };
}
