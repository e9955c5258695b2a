import type { ModerationActionType } from "../../contracts/moderation.ts";
import { writeAuditLog } from "../platform/audit/write-audit-log.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { moderationActions, type ModerationAction } from "./moderation.schema.ts";

export interface RecordModerationActionInput {
  targetType: "USER" | "STREAM" | "MESSAGE";
  targetId: string;
  action: ModerationActionType;
  reason: string | null;
  actorId: string;
  streamId?: string | null;
  channelId?: string | null;
  expiresAt?: Date | null;
  /** Whose conduct it concerns; a USER target is its own subject. */
  subjectUserId?: string | null;
  ip?: string | null;
  metadata?: Record<string, unknown>;
}

/** One ModerationAction and its AuditLog row; call it inside the transaction that applies the action. */
export async function recordModerationAction(
  db: DbOrTx,
  input: RecordModerationActionInput,
): Promise<ModerationAction> {
  const [row] = await db
    .insert(moderationActions)
    .values({
      targetType: input.targetType,
      targetId: input.targetId,
      action: input.action,
      reason: input.reason,
      actorId: input.actorId,
      streamId: input.streamId ?? null,
      channelId: input.channelId ?? null,
      expiresAt: input.expiresAt ?? null,
      subjectUserId: input.subjectUserId ?? (input.targetType === "USER" ? input.targetId : null),
    })
    .returning();
  if (!row) throw new Error("moderation_action insert returned no row");
  await writeAuditLog(db, {
    actorId: input.actorId,
    action: `moderation.${input.action.toLowerCase()}`,
    targetType: input.targetType,
    targetId: input.targetId,
    metadata: {
      moderationActionId: row.id,
      reason: input.reason,
      streamId: input.streamId ?? null,
      channelId: input.channelId ?? null,
      expiresAt: input.expiresAt?.toISOString() ?? null,
      ...input.metadata,
    },
    ip: input.ip ?? null,
  });
  return row;
}
