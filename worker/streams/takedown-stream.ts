import { and, eq, ne, sql } from "drizzle-orm";
import type { SessionEndReason } from "../../contracts/metering.ts";
import { listStreamModerationActions, recordModerationAction } from "../moderation/index.ts";
import { createNotifications } from "../notifications/index.ts";
import type { Db } from "../platform/db/client.ts";
import { notFound } from "../platform/errors.ts";
import { type LiveKit, roomName } from "./livekit.ts";
import { type Stream, streamSessions, streams } from "./streams.schema.ts";

export interface TakedownStreamInput {
  streamId: string;
  /** The admin or moderator taking it down. */
  actorId: string;
  reason: string;
  /** Where the request came from, for the audit log. */
  ip?: string | null;
}

export interface TakedownStreamDeps {
  livekit: LiveKit | null;
  /** Ends every viewing session of the stream and tells their session objects (the metering domain). */
  endViewingSessions: (streamId: string, reason: SessionEndReason) => Promise<void>;
}

export interface TakedownStreamResult {
  stream: Stream;
  /** The TAKEDOWN moderation action (the first one, on a repeated takedown). */
  moderationActionId: string | null;
  /** True when the stream was already removed: nothing was done again. */
  alreadyRemoved: boolean;
}

/**
 * Takes a stream down: REMOVED at once, with its TAKEDOWN action, audit row and the creator's
 * notification in the same transaction. From that commit on no tick books (bookMeterTick checks
 * the stream's status in its own statement); then every viewing session ends (settling what was
 * watched before) and the room is deleted, which disconnects the publisher and every viewer.
 * REMOVED is final: LiveKit's webhooks and the reconcile pass never move it again. A second
 * takedown changes nothing and answers alreadyRemoved.
 */
export async function takedownStream(
  db: Db,
  input: TakedownStreamInput,
  deps: TakedownStreamDeps,
): Promise<TakedownStreamResult> {
  const outcome = await db.transaction(async (tx) => {
    const now = new Date();
    const [removed] = await tx
      .update(streams)
      // A stream that had ended keeps its end; a live one ends now.
      .set({ status: "REMOVED", endedAt: sql`coalesce(${streams.endedAt}, now())`, viewerCount: 0 })
      .where(and(eq(streams.id, input.streamId), ne(streams.status, "REMOVED")))
      .returning();
    if (!removed) return undefined;
    await tx
      .update(streamSessions)
      .set({ status: "ENDED", endedAt: now })
      .where(and(eq(streamSessions.streamId, input.streamId), ne(streamSessions.status, "ENDED")));
    const action = await recordModerationAction(tx, {
      targetType: "STREAM",
      targetId: removed.id,
      action: "TAKEDOWN",
      reason: input.reason,
      actorId: input.actorId,
      streamId: removed.id,
      subjectUserId: removed.creatorId,
      ip: input.ip ?? null,
      metadata: { title: removed.title },
    });
    await createNotifications(tx, [
      {
        userId: removed.creatorId,
        type: "MODERATION",
        title: `Your stream "${removed.title}" was removed`,
        body: `A moderator took this stream down. Reason: ${input.reason}`,
        link: `/creator/stream/${removed.id}/analytics`,
      },
    ]);
    return { stream: removed, moderationActionId: action.id };
  });

  const stream = outcome?.stream ?? (await db.select().from(streams).where(eq(streams.id, input.streamId)))[0];
  if (!stream) throw notFound("Stream");
  // Both steps are idempotent: a repeated takedown finishes what a failed one left (LiveKit down).
  await deps.endViewingSessions(stream.id, "stream_removed");
  await deps.livekit?.deleteRoom(roomName(stream.id));
  if (outcome) return { ...outcome, alreadyRemoved: false };

  const actions = await listStreamModerationActions(db, stream.id);
  const first = actions.filter((a) => a.action === "TAKEDOWN" && a.targetType === "STREAM").at(-1);
  return { stream, moderationActionId: first?.id ?? null, alreadyRemoved: true };
}
