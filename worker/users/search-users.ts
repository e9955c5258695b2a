import { asc, eq, ilike } from "drizzle-orm";
import { toPublicUser } from "./users.ts";
import type { AdminUserSummary } from "../../contracts/users.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { escapeLike } from "../platform/escape-like.ts";
import { profiles, users } from "./users.schema.ts";
import { getWalletBalances } from "../wallet/index.ts";
import { formatCredits } from "../../contracts/money.ts";

function summaries(db: DbOrTx) {
  return db
    .select({ user: users, displayName: profiles.displayName })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id));
}

/** Adds each user's wallet balance (read through the wallet domain; 0 without a wallet). */
async function withBalances(
  db: DbOrTx,
  rows: { user: typeof users.$inferSelect; displayName: string | null }[],
): Promise<AdminUserSummary[]> {
  const balances = await getWalletBalances(
    db,
    rows.map((r) => r.user.id),
  );
  return rows.map((r) => ({
    user: toPublicUser(r.user),
    displayName: r.displayName,
    balance: formatCredits(balances.get(r.user.id) ?? 0n),
  }));
}

/** Admin user search by email prefix, with display name and wallet balance. */
export async function searchUsers(db: DbOrTx, options: { email: string; limit: number }): Promise<AdminUserSummary[]> {
  const rows = await summaries(db)
    .where(options.email ? ilike(users.email, `${escapeLike(options.email)}%`) : undefined)
    .orderBy(asc(users.email))
    .limit(options.limit);
  return withBalances(db, rows);
}

export async function getUserSummary(db: DbOrTx, userId: string): Promise<AdminUserSummary | undefined> {
  const rows = await summaries(db).where(eq(users.id, userId));
  const [summary] = await withBalances(db, rows);
  return summary;
}
