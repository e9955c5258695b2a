import { eq } from "drizzle-orm";
import type { PublicUser } from "../../contracts/auth.ts";
import { revokeAllForUser } from "../auth/index.ts";
import type { Db, DbOrTx } from "../platform/db/client.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { writeAuditLog } from "../platform/audit/write-audit-log.ts";
import { guardLastAdmin } from "./guard-last-admin.ts";
import { profiles, users, type User } from "./users.schema.ts";
import { toPublicUser } from "./users.ts";

/** What a deleted account keeps of its identity: nothing that names a person. */
export const anonymisedEmail = (userId: string) => `deleted+${userId}@invalid`;
export const DELETED_DISPLAY_NAME = "Deleted user";
/** Not a hash any password verifies against (parseHash refuses it), so nobody signs in. */
export const UNUSABLE_PASSWORD_HASH = "!deleted";

/** Marks the account DELETED and replaces its personal data (inside the caller's transaction). */
export async function anonymiseUser(tx: DbOrTx, userId: string): Promise<User> {
  const [after] = await tx
    .update(users)
    .set({ status: "DELETED", email: anonymisedEmail(userId), passwordHash: UNUSABLE_PASSWORD_HASH })
    .where(eq(users.id, userId))
    .returning();
  if (!after) throw notFound("User");
  await tx
    .update(profiles)
    .set({ displayName: DELETED_DISPLAY_NAME, bio: null, avatarUrl: null })
    .where(eq(profiles.userId, userId));
  return after;
}

/**
 * DELETE /api/admin/users/:id: a soft delete. The row stays (ledger entries, payments and
 * streams reference it and the ledger is never touched); its personal data is replaced and
 * every session ends. Deleting an already deleted account changes nothing.
 */
export async function deleteUser(
  db: Db,
  input: { userId: string; actorId: string; reason?: string | undefined; ip?: string | null },
): Promise<PublicUser> {
  if (input.userId === input.actorId) {
    throw new AppError("CANNOT_DELETE_SELF", 400, "Admins cannot delete their own account");
  }
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, input.userId)).for("update");
    if (!before) throw notFound("User");
    if (before.status === "DELETED" && before.email === anonymisedEmail(before.id)) return toPublicUser(before);
    await guardLastAdmin(tx, before);
    const after = await anonymiseUser(tx, input.userId);
    await revokeAllForUser(tx, input.userId);
    // The audit row keeps the fact, not the person: no old email or name in its metadata.
    await writeAuditLog(tx, {
      actorId: input.actorId,
      action: "user.deleted",
      targetType: "USER",
      targetId: input.userId,
      metadata: { from: before.status, role: before.role, reason: input.reason },
      ip: input.ip ?? null,
    });
    return toPublicUser(after);
  });
}
