import { and, eq } from "drizzle-orm";
import type { AppealDto, DecideAppealInput } from "../../contracts/moderation.ts";
import { createNotifications } from "../notifications/index.ts";
import { writeAuditLog } from "../platform/audit/write-audit-log.ts";
import type { Db } from "../platform/db/client.ts";
import { conflict, notFound } from "../platform/errors.ts";
import { getPublicProfiles } from "../users/index.ts";
import { revokeActions } from "./manage-bans.ts";
import { appeals, moderationActions, type ModerationAction } from "./moderation.schema.ts";
import { toAppealDto } from "./list-appeals.ts";

/**
 * PATCH /api/appeals/:id: UPHOLD keeps the action; LIFT revokes it as lifting a ban does. The
 * appellant is told the decision in-app. Returns the lifted action, so the caller can tell the chats.
 */
export async function decideAppeal(
  db: Db,
  input: { appealId: string; decision: DecideAppealInput; actorId: string; ip?: string | null },
  now: Date = new Date(),
): Promise<{ appeal: AppealDto; lifted: ModerationAction | null }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(appeals)
      .set({
        status: input.decision.decision === "LIFT" ? "LIFTED" : "UPHELD",
        resolvedById: input.actorId,
        resolutionNote: input.decision.note ?? null,
        resolvedAt: now,
      })
      .where(and(eq(appeals.id, input.appealId), eq(appeals.status, "PENDING")))
      .returning();
    if (!row) {
      const [exists] = await tx.select({ id: appeals.id }).from(appeals).where(eq(appeals.id, input.appealId));
      if (!exists) throw notFound("Appeal");
      throw conflict("APPEAL_ALREADY_DECIDED", "This appeal has already been decided");
    }
    const lifted =
      input.decision.decision === "LIFT"
        ? ((
            await revokeActions(
              tx,
              {
                actionIds: [row.moderationActionId],
                actorId: input.actorId,
                reason: input.decision.note ?? "Appeal granted",
                ...(input.ip ? { ip: input.ip } : {}),
              },
              now,
            )
          )[0] ?? null)
        : null;
    const [action] = await tx.select().from(moderationActions).where(eq(moderationActions.id, row.moderationActionId));
    if (!action) throw new Error("appeal without its action");
    await writeAuditLog(tx, {
      actorId: input.actorId,
      action: row.status === "LIFTED" ? "moderation.appeal_lifted" : "moderation.appeal_upheld",
      targetType: "APPEAL",
      targetId: row.id,
      metadata: { moderationActionId: action.id, note: row.resolutionNote },
      ip: input.ip ?? null,
    });
    const what = action.action.toLowerCase();
    await createNotifications(tx, [
      {
        userId: row.userId,
        type: "APPEAL",
        title: row.status === "LIFTED" ? `Your appeal was granted: the ${what} is lifted` : "Your appeal was reviewed",
        body:
          row.status === "LIFTED"
            ? `A moderator lifted the ${what}.${row.resolutionNote ? ` Note: ${row.resolutionNote}` : ""}`
            : `A moderator upheld the ${what}.${row.resolutionNote ? ` Note: ${row.resolutionNote}` : ""}`,
        link: "/appeal",
        dedupeKey: `appeal-decided:${row.id}`,
      },
    ]);
    const names = await getPublicProfiles(tx, [row.userId]);
    return { appeal: toAppealDto(row, action, names.get(row.userId)?.displayName ?? null), lifted };
  });
}
