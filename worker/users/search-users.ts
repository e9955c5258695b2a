import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { toPublicUser } from "./users.ts";
import type { AdminUserSearch, AdminUserSummary } from "../../contracts/users.ts";
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

export type UserFilters = Pick<AdminUserSearch, "email" | "search" | "role" | "status">;

function filterWhere(filters: UserFilters): SQL | undefined {
  const term = filters.search ? `%${escapeLike(filters.search)}%` : undefined;
  return and(
    filters.email ? ilike(users.email, `${escapeLike(filters.email)}%`) : undefined,
    term ? or(ilike(users.email, term), ilike(profiles.displayName, term)) : undefined,
    filters.role ? eq(users.role, filters.role) : undefined,
    filters.status ? eq(users.status, filters.status) : undefined,
  );
}

const SORT_COLUMNS = {
  created: users.createdAt,
  email: users.email,
  name: profiles.displayName,
  role: users.role,
  status: users.status,
} as const;

function orderFor(sort: AdminUserSearch["sort"], dir: AdminUserSearch["dir"]): SQL[] {
  const column = SORT_COLUMNS[sort];
  const primary = dir === "asc" ? asc(column) : desc(column);
  // The id breaks ties, so rows never swap between pages.
  return sort === "name"
    ? [sql`${primary} nulls last`, dir === "asc" ? asc(users.id) : desc(users.id)]
    : [primary, dir === "asc" ? asc(users.id) : desc(users.id)];
}

/** GET /api/admin/users: one page of the filtered, sorted users with the total over all pages. */
export async function searchUsers(
  db: DbOrTx,
  options: AdminUserSearch,
): Promise<{ users: AdminUserSummary[]; total: number; page: number; limit: number }> {
  const where = filterWhere(options);
  const [counted] = await db
    .select({ total: count() })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(where);
  const rows = await summaries(db)
    .where(where)
    .orderBy(...orderFor(options.sort, options.dir))
    .limit(options.limit)
    .offset((options.page - 1) * options.limit);
  return { users: await withBalances(db, rows), total: counted?.total ?? 0, page: options.page, limit: options.limit };
}

/** Most rows one users CSV holds. */
export const MAX_USER_CSV_ROWS = 10_000;

/** Every user matching the filters in the chosen order, up to MAX_USER_CSV_ROWS (for the CSV). */
export async function listUsersForExport(
  db: DbOrTx,
  options: Omit<AdminUserSearch, "page" | "limit">,
): Promise<AdminUserSummary[]> {
  const rows = await summaries(db)
    .where(filterWhere(options))
    .orderBy(...orderFor(options.sort, options.dir))
    .limit(MAX_USER_CSV_ROWS);
  return withBalances(db, rows);
}

export async function getUserSummary(db: DbOrTx, userId: string): Promise<AdminUserSummary | undefined> {
  const rows = await summaries(db).where(eq(users.id, userId));
  const [summary] = await withBalances(db, rows);
  return summary;
}
