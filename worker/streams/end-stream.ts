import { and, eq, ne, notInArray } from "drizzle-orm";
import type { Db } from "../platform/db/client.ts";
import { type LiveKit, roomName } from "./livekit.ts";
import { type Stream, streamSessions, streams } from "./streams.schema.ts";

export interface EndStreamDeps {
  livekit: LiveKit | null;
  /** Ends every viewing session of the stream (the metering domain); no debit after it returns. */
  endViewingSessions: (streamId: string) => Promise<void>;
}

/**
 * ENDED at once, then every viewing session ends and the room is deleted (which disconnects
 * everyone). Ending an ended or removed stream changes nothing.
 */
export async function endStream(db: Db, input: { streamId: string }, deps: EndStreamDeps): Promise<Stream | undefined> {
  const now = new Date();
  const [ended] = await db
    .update(streams)
    .set({ status: "ENDED", endedAt: now, viewerCount: 0 })
    .where(and(eq(streams.id, input.streamId), notInArray(streams.status, ["ENDED", "REMOVED"])))
    .returning();
  if (!ended) return undefined;
  await db
    .update(streamSessions)
    .set({ status: "ENDED", endedAt: now })
    .where(and(eq(streamSessions.streamId, input.streamId), ne(streamSessions.status, "ENDED")));
  await deps.endViewingSessions(input.streamId);
  await deps.livekit?.deleteRoom(roomName(input.streamId));
  return ended;
}
