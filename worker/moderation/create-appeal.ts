import { and, eq, or } from "drizzle-orm";
import type { CreateAppealInput } from "../../contracts/moderation.ts";
import { writeAuditLog } from "../platform/audit/write-audit-log.ts";
import type { Db } from "../platform/db/client.ts";
import { AppError, conflict, notFound } from "../platform/errors.ts";
import { appeals, moderationActions, type Appeal } from "./moderation.schema.ts";
import { notifyModerators } from "./notify-moderators.ts";
import { isInForce } from "./restriction-rules.ts";

/** Violation of the one-appeal-per-action unique index. */
function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth++) {
    if ("code" in current && current.code === "23505") return true;
    current = "cause" in current ? current.cause : undefined;
  }
  return false;
}

/**
 * POST /api/appeals: the user an action concerns asks for it to be lifted, once per action, while
 * it is in force (a ban or mute not yet ended). Moderators are told in-app.
 */
export async function createAppeal(
  db: Db,
  input: { userId: string; appeal: CreateAppealInput; ip?: string | null },
  now: Date = new Date(),
): Promise<Appeal> {
  const [action] = await db
    .select()
    .from(moderationActions)
    .where(
      and(
        eq(moderationActions.id, input.appeal.moderationActionId),
        or(
          and(eq(moderationActions.targetType, "USER"), eq(moderationActions.targetId, input.userId)),
          eq(moderationActions.subjectUserId, input.userId),
        ),
      ),
    );
  // Someone else's action reads as missing: its existence is not the caller's business.
  if (!action) throw notFound("Moderation action");
  if (!((action.action === "BAN" || action.action === "MUTE") && isInForce(action, now))) {
    throw new AppError("APPEAL_NOT_ALLOWED", 409, "Only a ban or mute that is still in force can be appealed");
  }
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(appeals)
        .values({ moderationActionId: action.id, userId: input.userId, message: input.appeal.message })
        .returning();
      if (!row) throw new Error("appeal insert returned no row");
      await writeAuditLog(tx, {
        actorId: input.userId,
        action: "moderation.appeal_submitted",
        targetType: "APPEAL",
        targetId: row.id,
        metadata: { moderationActionId: action.id },
        ip: input.ip ?? null,
      });
      await notifyModerators(tx, {
        title: "New appeal",
        body: `A user appealed a ${action.action.toLowerCase()}.`,
        link: "/admin/moderation/appeals",
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("APPEAL_EXISTS", "This action has already been appealed");
    throw error;
  }
}
