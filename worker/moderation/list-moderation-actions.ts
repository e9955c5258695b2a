import { desc, eq } from "drizzle-orm";
import type { ModerationActionDto } from "../../contracts/chat.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { getPublicProfiles } from "../users/index.ts";
import { moderationActions } from "./moderation.schema.ts";

/** The latest actions taken in one stream, newest first, with the names of actor and target. */
export async function listStreamModerationActions(
  db: DbOrTx,
  streamId: string,
  limit = 50,
): Promise<ModerationActionDto[]> {
  const rows = await db
    .select()
    .from(moderationActions)
    .where(eq(moderationActions.streamId, streamId))
    .orderBy(desc(moderationActions.createdAt), desc(moderationActions.id))
    .limit(limit);
  const names = await getPublicProfiles(db, [
    ...rows.map((r) => r.actorId),
    ...rows.filter((r) => r.targetType === "USER").map((r) => r.targetId),
  ]);
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    targetName: r.targetType === "USER" ? (names.get(r.targetId)?.displayName ?? null) : null,
    reason: r.reason,
    actorId: r.actorId,
    actorName: names.get(r.actorId)?.displayName ?? null,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}
