import { and, count, gte, lt, ne } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { users } from "./users.schema.ts";

/** Accounts that are not deleted, optionally only those created in [createdFrom, createdTo). */
export async function countUsers(
  db: DbOrTx,
  options: { createdFrom?: Date | undefined; createdTo?: Date | undefined } = {},
): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(users)
    .where(
      and(
        ne(users.status, "DELETED"),
        options.createdFrom ? gte(users.createdAt, options.createdFrom) : undefined,
        options.createdTo ? lt(users.createdAt, options.createdTo) : undefined,
      ),
    );
  return row?.total ?? 0;
}
