import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { MyModerationAction } from "../../contracts/moderation.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { getPublicProfiles } from "../users/index.ts";
import { appeals, moderationActions } from "./moderation.schema.ts";
import { isInForce } from "./restriction-rules.ts";

/** GET /api/moderation/my-actions: the bans, mutes and warnings taken against the signed-in user, with their appeals. */
export async function listMyActions(db: DbOrTx, userId: string, now: Date = new Date()): Promise<MyModerationAction[]> {
  const rows = await db
    .select({ action: moderationActions, appeal: appeals })
    .from(moderationActions)
    .leftJoin(appeals, eq(appeals.moderationActionId, moderationActions.id))
    .where(
      and(
        or(
          and(eq(moderationActions.targetType, "USER"), eq(moderationActions.targetId, userId)),
          eq(moderationActions.subjectUserId, userId),
        ),
        inArray(moderationActions.action, ["BAN", "MUTE", "WARN", "DELETE", "TAKEDOWN"]),
      ),
    )
    .orderBy(desc(moderationActions.createdAt))
    .limit(100);
  const channels = await getPublicProfiles(
    db,
    rows.flatMap((r) => (r.action.channelId ? [r.action.channelId] : [])),
  );
  return rows.map(({ action: a, appeal }) => ({
    id: a.id,
    action: a.action,
    reason: a.reason,
    scope: a.channelId ? "channel" : "platform",
    channelName: a.channelId ? (channels.get(a.channelId)?.displayName ?? null) : null,
    expiresAt: a.expiresAt?.toISOString() ?? null,
    revokedAt: a.revokedAt?.toISOString() ?? null,
    active: (a.action === "BAN" || a.action === "MUTE") && isInForce(a, now),
    createdAt: a.createdAt.toISOString(),
    appeal: appeal ? { id: appeal.id, status: appeal.status, resolutionNote: appeal.resolutionNote } : null,
  }));
}
