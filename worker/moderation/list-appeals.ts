import { desc, eq } from "drizzle-orm";
import type { AppealDto, AppealStatus } from "../../contracts/moderation.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { getPublicProfiles } from "../users/index.ts";
import { appeals, moderationActions, type Appeal, type ModerationAction } from "./moderation.schema.ts";

export function toAppealDto(appeal: Appeal, action: ModerationAction, userName: string | null): AppealDto {
  return {
    id: appeal.id,
    moderationActionId: appeal.moderationActionId,
    userId: appeal.userId,
    userName,
    message: appeal.message,
    status: appeal.status,
    resolutionNote: appeal.resolutionNote,
    resolvedAt: appeal.resolvedAt?.toISOString() ?? null,
    createdAt: appeal.createdAt.toISOString(),
    action: {
      action: action.action,
      reason: action.reason,
      scope: action.channelId ? "channel" : "platform",
      expiresAt: action.expiresAt?.toISOString() ?? null,
      revokedAt: action.revokedAt?.toISOString() ?? null,
      createdAt: action.createdAt.toISOString(),
    },
  };
}

/** GET /api/appeals?status: the oldest pending first (they waited longest); decided ones newest first. */
export async function listAppeals(db: DbOrTx, status: AppealStatus | "ALL"): Promise<AppealDto[]> {
  const rows = await db
    .select({ appeal: appeals, action: moderationActions })
    .from(appeals)
    .innerJoin(moderationActions, eq(moderationActions.id, appeals.moderationActionId))
    .where(status === "ALL" ? undefined : eq(appeals.status, status))
    .orderBy(status === "PENDING" ? appeals.createdAt : desc(appeals.createdAt))
    .limit(200);
  const names = await getPublicProfiles(
    db,
    rows.map((r) => r.appeal.userId),
  );
  return rows.map((r) => toAppealDto(r.appeal, r.action, names.get(r.appeal.userId)?.displayName ?? null));
}
