import { and, eq, inArray } from "drizzle-orm";
import type { Role } from "./users.schema.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { profiles, users } from "./users.schema.ts";

export interface UserContact {
  userId: string;
  email: string;
  displayName: string | null;
  role: Role;
}

const columns = { userId: users.id, email: users.email, displayName: profiles.displayName, role: users.role };

/** Emails and names of many users by id (staff pages that list people). */
export async function findUserContacts(db: DbOrTx, userIds: readonly string[]): Promise<Map<string, UserContact>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select(columns)
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.userId, r]));
}

/** The active accounts holding one of these roles (who to tell about a new report or appeal). */
export async function listActiveUsersWithRoles(db: DbOrTx, roles: readonly Role[]): Promise<UserContact[]> {
  if (roles.length === 0) return [];
  return db
    .select(columns)
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(and(inArray(users.role, [...roles]), eq(users.status, "ACTIVE")));
}
