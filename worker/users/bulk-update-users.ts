import { and, asc, eq, inArray, notInArray } from "drizzle-orm";
import type { AdminBulkUsersInput, AdminBulkUsersResult } from "../../contracts/users.ts";
import { revokeAllForUser } from "../auth/index.ts";
import type { Db } from "../platform/db/client.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { writeAuditLog } from "../platform/audit/write-audit-log.ts";
import { users } from "./users.schema.ts";

const TARGET_STATUS = { suspend: "SUSPENDED", activate: "ACTIVE" } as const;

/**
 * POST /api/admin/users/bulk: suspends or reactivates many accounts in one transaction, one
 * audit row each. All or nothing: an unknown id, the admin themself or the last admin refuses
 * the whole batch. Deleted accounts are skipped (only a soft delete's anonymised row stays).
 */
export async function bulkUpdateUsers(
  db: Db,
  input: AdminBulkUsersInput & { actorId: string; ip?: string | null },
): Promise<AdminBulkUsersResult> {
  const ids = [...new Set(input.userIds)];
  if (input.action === "suspend" && ids.includes(input.actorId)) {
    throw new AppError("CANNOT_DEMOTE_SELF", 400, "Admins cannot suspend themselves");
  }
  const status = TARGET_STATUS[input.action];
  return db.transaction(async (tx) => {
    // Locked in id order, so two overlapping batches cannot deadlock.
    const rows = await tx.select().from(users).where(inArray(users.id, ids)).orderBy(asc(users.id)).for("update");
    if (rows.length !== ids.length) throw notFound("User");
    const updated: string[] = [];
    const skipped: string[] = [];
    const changing = rows.filter((row) => row.status !== status && row.status !== "DELETED");
    for (const row of rows) if (!changing.includes(row)) skipped.push(row.id);
    if (status === "SUSPENDED" && changing.some((row) => row.role === "ADMIN" && row.status === "ACTIVE")) {
      const left = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.role, "ADMIN"),
            eq(users.status, "ACTIVE"),
            notInArray(
              users.id,
              changing.map((row) => row.id),
            ),
          ),
        )
        .for("update");
      if (left.length === 0) throw new AppError("LAST_ADMIN", 409, "This would suspend the last active admin");
    }
    if (changing.length > 0) {
      await tx
        .update(users)
        .set({ status })
        .where(
          inArray(
            users.id,
            changing.map((row) => row.id),
          ),
        );
    }
    for (const row of changing) {
      await writeAuditLog(tx, {
        actorId: input.actorId,
        action: "user.status_changed",
        targetType: "USER",
        targetId: row.id,
        metadata: { from: row.status, to: status, reason: input.reason, bulk: true },
        ip: input.ip ?? null,
      });
      if (status !== "ACTIVE") await revokeAllForUser(tx, row.id);
      updated.push(row.id);
    }
    return { updated, skipped };
  });
}
