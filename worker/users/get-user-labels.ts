import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { profiles, users } from "./users.schema.ts";

export interface UserLabel {
  id: string;
  email: string;
  displayName: string | null;
}

/** Email and display name by user id, to name the people in admin lists (audit log, activity). */
export async function getUserLabels(db: DbOrTx, userIds: readonly string[]): Promise<Map<string, UserLabel>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, email: users.email, displayName: profiles.displayName })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(inArray(users.id, unique));
  return new Map(rows.map((row) => [row.id, row]));
}
