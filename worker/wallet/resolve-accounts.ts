import { and, eq, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import type { PaymentProvider } from "../../contracts/payments.ts";
import { wallets } from "./wallet.schema.ts";
import { ensureCreatorEarnings, ensureSystemAccounts, ensureUserWallet } from "./ensure-accounts.ts";

export interface AccountRequest {
  /** User id whose USER wallet is wanted. */
  userWallet?: string;
  /** Creator (user) id whose CREATOR_EARNINGS account is wanted. */
  creatorEarnings?: string;
  platformRevenue?: true;
  clearing?: PaymentProvider;
}

export type ResolvedAccounts<R extends AccountRequest> = { [K in keyof R & keyof AccountRequest]-?: string };

/**
 * The wallet ids a use-case books against, in one round trip outside the booking
 * transaction (ids never change, so this is not a read-then-write of money). Accounts that
 * do not exist yet are created idempotently; that only happens on first use.
 */
export async function resolveAccounts<R extends AccountRequest>(db: DbOrTx, request: R): Promise<ResolvedAccounts<R>> {
  const conditions: SQL[] = [];
  if (request.userWallet !== undefined) {
    conditions.push(and(eq(wallets.kind, "USER"), eq(wallets.userId, request.userWallet)) as SQL);
  }
  if (request.creatorEarnings !== undefined) {
    conditions.push(and(eq(wallets.kind, "CREATOR_EARNINGS"), eq(wallets.userId, request.creatorEarnings)) as SQL);
  }
  if (request.platformRevenue) conditions.push(eq(wallets.kind, "PLATFORM_REVENUE"));
  if (request.clearing !== undefined) {
    conditions.push(and(eq(wallets.kind, "PROVIDER_CLEARING"), eq(wallets.provider, request.clearing)) as SQL);
  }
  const rows =
    conditions.length === 0
      ? []
      : await db
          .select({ id: wallets.id, kind: wallets.kind, userId: wallets.userId, provider: wallets.provider })
          .from(wallets)
          .where(or(...conditions));

  const found: Partial<Record<keyof AccountRequest, string>> = {};
  for (const row of rows) {
    if (row.kind === "USER" && row.userId === request.userWallet) found.userWallet = row.id;
    else if (row.kind === "CREATOR_EARNINGS" && row.userId === request.creatorEarnings) found.creatorEarnings = row.id;
    else if (row.kind === "PLATFORM_REVENUE") found.platformRevenue = row.id;
    else if (row.kind === "PROVIDER_CLEARING" && row.provider === request.clearing) found.clearing = row.id;
  }
  if (request.userWallet !== undefined && !found.userWallet) {
    found.userWallet = await ensureUserWallet(db, request.userWallet);
  }
  if (request.creatorEarnings !== undefined && !found.creatorEarnings) {
    found.creatorEarnings = await ensureCreatorEarnings(db, request.creatorEarnings);
  }
  const needsSystem =
    (request.platformRevenue && !found.platformRevenue) || (request.clearing !== undefined && !found.clearing);
  if (needsSystem) {
    const system = await ensureSystemAccounts(db);
    if (request.platformRevenue) found.platformRevenue = system.platformRevenue;
    if (request.clearing !== undefined) found.clearing = system.clearing[request.clearing];
  }
  // Every requested key was filled above (found or created); unrequested keys stay absent.
  return found as ResolvedAccounts<R>;
}
