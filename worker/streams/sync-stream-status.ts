import { and, eq, ne } from "drizzle-orm";
import type { Db } from "../platform/db/client.ts";
import { type LiveKit, parseIdentity, roomName } from "./livekit.ts";
import { canTransition, isFinalStatus, statusFromRoom } from "./stream-status.ts";
import { type Stream, streamSessions, streams } from "./streams.schema.ts";

/** True when the participant may publish this stream: the browser publisher or the current WHIP key. */
export function isCurrentPublisher(stream: Stream, identity: string): boolean {
  const parsed = parseIdentity(identity);
  if (parsed.kind !== "publisher" || parsed.streamId !== stream.id) return false;
  return parsed.via === "web" || parsed.version === stream.ingestKeyVersion;
}

/**
 * Sets LIVE/PAUSED from what LiveKit says now, not from the order webhooks arrived in: a
 * current publisher with a published track means LIVE. Each LIVE period is a stream_session
 * (STARTING is skipped: the row is written when the track is already up).
 */
export async function syncStreamStatus(
  db: Db,
  input: { stream: Stream },
  deps: {
    livekit: LiveKit;
    /** After the first LIVE is committed (not on a resume from PAUSED): tell the followers. */
    onWentLive?: ((stream: Stream) => Promise<void>) | undefined;
  },
): Promise<{ stream: Stream; changed: boolean }> {
  const { stream } = input;
  if (isFinalStatus(stream.status)) return { stream, changed: false };
  const participants = await deps.livekit.listParticipants(roomName(stream.id));
  const live = participants.some((p) => p.tracks > 0 && isCurrentPublisher(stream, p.identity));
  const next = statusFromRoom(stream.status, live);
  if (next === stream.status || !canTransition(stream.status, next)) return { stream, changed: false };
  const now = new Date();
  const result = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(streams)
      .set({ status: next, ...(next === "LIVE" && !stream.startedAt ? { startedAt: now } : {}) })
      .where(and(eq(streams.id, stream.id), eq(streams.status, stream.status)))
      .returning();
    if (!updated) return { stream, changed: false };
    if (next === "LIVE") {
      await tx.insert(streamSessions).values({ streamId: stream.id, status: "ACTIVE" });
    } else {
      await tx
        .update(streamSessions)
        .set({ status: "ENDED", endedAt: now })
        .where(and(eq(streamSessions.streamId, stream.id), ne(streamSessions.status, "ENDED")));
    }
    return { stream: updated, changed: true };
  });
  if (result.changed && next === "LIVE" && !stream.startedAt) await deps.onWentLive?.(result.stream);
  return result;
}
