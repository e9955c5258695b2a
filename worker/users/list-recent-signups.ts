import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { profiles, users, type Role } from "./users.schema.ts";

export interface Signup {
  userId: string;
  email: string;
  displayName: string | null;
  role: Role;
  createdAt: Date;
}

/** The newest accounts, newest first (deleted ones show anonymised). */
export async function listRecentSignups(db: DbOrTx, options: { limit: number }): Promise<Signup[]> {
  return db
    .select({
      userId: users.id,
      email: users.email,
      displayName: profiles.displayName,
      role: users.role,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(options.limit);
}
