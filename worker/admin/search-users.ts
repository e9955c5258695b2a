import { and, asc, eq, ilike } from "drizzle-orm";
import { toPublicUser } from "../auth/users.ts";
import type { AdminUserSummary } from "../contracts/admin.ts";
import type { DbOrTx } from "../db/client.ts";
import { profiles, users, wallets } from "../db/schema/index.ts";
import { formatCredits } from "../wallet/money.ts";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

const summaryColumns = {
  user: users,
  displayName: profiles.displayName,
  balance: wallets.balance,
};

function toSummary(row: {
  user: typeof users.$inferSelect;
  displayName: string | null;
  balance: bigint | null;
}): AdminUserSummary {
  return { user: toPublicUser(row.user), displayName: row.displayName, balance: formatCredits(row.balance ?? 0n) };
}

function summaries(db: DbOrTx) {
  return db
    .select(summaryColumns)
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .leftJoin(wallets, and(eq(wallets.userId, users.id), eq(wallets.kind, "USER")));
}

/** Admin user search by email prefix, with display name and wallet balance. */
export async function searchUsers(db: DbOrTx, options: { email: string; limit: number }): Promise<AdminUserSummary[]> {
  const rows = await summaries(db)
    .where(options.email ? ilike(users.email, `${escapeLike(options.email)}%`) : undefined)
    .orderBy(asc(users.email))
    .limit(options.limit);
  return rows.map(toSummary);
}

export async function getUserSummary(db: DbOrTx, userId: string): Promise<AdminUserSummary | undefined> {
  const [row] = await summaries(db).where(eq(users.id, userId));
  return row ? toSummary(row) : undefined;
}
