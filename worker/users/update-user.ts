import { eq } from "drizzle-orm";
import { writeAuditLog } from "../platform/audit/write-audit-log.ts";
import { revokeAllForUser } from "../auth/index.ts";
import { findUserById, toPublicUser } from "./users.ts";
import type { AdminUpdateUserInput } from "../../contracts/users.ts";
import type { PublicUser } from "../../contracts/auth.ts";
import type { Db } from "../platform/db/client.ts";
import { anonymiseUser } from "./delete-user.ts";
import { guardLastAdmin } from "./guard-last-admin.ts";
import { users } from "./users.schema.ts";
import { AppError, notFound } from "../platform/errors.ts";

/** Role and status changes, each recorded in the audit log; leaving ACTIVE ends every session. */
export async function updateUser(
  db: Db,
  input: Omit<AdminUpdateUserInput, "walletAdjustment"> & { userId: string; actorId: string; ip?: string | null },
): Promise<PublicUser> {
  if (
    input.userId === input.actorId &&
    ((input.status && input.status !== "ACTIVE") || (input.role && input.role !== "ADMIN"))
  ) {
    throw new AppError("CANNOT_DEMOTE_SELF", 400, "Admins cannot suspend or demote themselves");
  }
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, input.userId)).for("update");
    if (!before) throw notFound("User");
    const changes: Partial<{ role: typeof before.role; status: typeof before.status }> = {};
    if (input.role && input.role !== before.role) changes.role = input.role;
    if (input.status && input.status !== before.status) changes.status = input.status;
    if (Object.keys(changes).length === 0) return toPublicUser(before);
    if ((changes.role && changes.role !== "ADMIN") || (changes.status && changes.status !== "ACTIVE")) {
      await guardLastAdmin(tx, before);
    }
    const [updated] = await tx.update(users).set(changes).where(eq(users.id, input.userId)).returning();
    if (!updated) throw notFound("User");
    // DELETED through PATCH is the same soft delete as DELETE /api/admin/users/:id: no personal data stays.
    const after = changes.status === "DELETED" ? await anonymiseUser(tx, input.userId) : updated;
    if (changes.role) {
      await writeAuditLog(tx, {
        actorId: input.actorId,
        action: "user.role_changed",
        targetType: "USER",
        targetId: input.userId,
        metadata: { from: before.role, to: after.role, reason: input.reason },
        ip: input.ip ?? null,
      });
    }
    if (changes.status) {
      await writeAuditLog(tx, {
        actorId: input.actorId,
        action: "user.status_changed",
        targetType: "USER",
        targetId: input.userId,
        metadata: { from: before.status, to: after.status, reason: input.reason },
        ip: input.ip ?? null,
      });
      if (after.status !== "ACTIVE") await revokeAllForUser(tx, input.userId);
    }
    // A new role is new access: the user signs in again, and old tokens stop at once.
    if (changes.role) await revokeAllForUser(tx, input.userId);
    return toPublicUser(after);
  });
}

export async function getPublicUser(db: Db, userId: string): Promise<PublicUser> {
  const user = await findUserById(db, userId);
  if (!user) throw notFound("User");
  return toPublicUser(user);
}
