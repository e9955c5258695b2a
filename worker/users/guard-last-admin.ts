import { and, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { AppError } from "../platform/errors.ts";
import { users, type User } from "./users.schema.ts";

/**
 * Refuses to take away the last active admin (demote, suspend or delete). Locks every active
 * admin row first, so two admins removing each other at once cannot both succeed.
 */
export async function guardLastAdmin(tx: DbOrTx, target: Pick<User, "id" | "role" | "status">): Promise<void> {
  if (target.role !== "ADMIN" || target.status !== "ACTIVE") return;
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "ADMIN"), eq(users.status, "ACTIVE"), ne(users.id, target.id)))
    .for("update");
  if (others.length === 0) throw new AppError("LAST_ADMIN", 409, "This is the last active admin");
}
