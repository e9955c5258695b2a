import { inArray } from "drizzle-orm";
import type { Db } from "../platform/db/client.ts";
import type { Logger } from "../platform/logger.ts";
import { endStream } from "./end-stream.ts";
import { type LiveKit, parseIdentity, roomName } from "./livekit.ts";
import { type Stream, streams } from "./streams.schema.ts";
import { isCurrentPublisher, syncStreamStatus } from "./sync-stream-status.ts";

export interface ReconcileReport {
  checked: number;
  statusChanged: number;
  ended: number;
  viewersRemoved: number;
}

/**
 * LiveKit drops webhooks that wait over 30 s and may deliver one twice: this pass compares our
 * LIVE and PAUSED streams with LiveKit's rooms and repairs both sides. A stream whose room is
 * gone ends; its status follows the publisher; any viewer in a room without an active paid
 * session is removed.
 */
export async function reconcileStreams(
  db: Db,
  _input: Record<string, never>,
  deps: {
    livekit: LiveKit;
    logger: Logger;
    isViewingActive: (sessionId: string, streamId: string) => Promise<boolean>;
    endViewingSessions: (streamId: string) => Promise<void>;
    onWentLive?: ((stream: Stream) => Promise<void>) | undefined;
  },
): Promise<ReconcileReport> {
  const report: ReconcileReport = { checked: 0, statusChanged: 0, ended: 0, viewersRemoved: 0 };
  const candidates = await db
    .select()
    .from(streams)
    .where(inArray(streams.status, ["SCHEDULED", "LIVE", "PAUSED"]));
  if (candidates.length === 0) return report;
  const rooms = new Set(await deps.livekit.listRooms());
  for (const stream of candidates) {
    report.checked += 1;
    const room = roomName(stream.id);
    if (!rooms.has(room)) {
      // A SCHEDULED stream's room comes back when the creator joins; a live one is over.
      if (stream.status === "SCHEDULED") continue;
      await endStream(db, { streamId: stream.id }, { livekit: null, endViewingSessions: deps.endViewingSessions });
      report.ended += 1;
      continue;
    }
    if ((await syncStreamStatus(db, { stream }, deps)).changed) report.statusChanged += 1;
    for (const p of await deps.livekit.listParticipants(room)) {
      const parsed = parseIdentity(p.identity);
      if (parsed.kind === "publisher") {
        // A WHIP publisher whose key was rotated away, or anyone else's publisher identity.
        if (!isCurrentPublisher(stream, p.identity)) await deps.livekit.removeParticipant(room, p.identity);
        continue;
      }
      if (parsed.kind === "viewer" && (await deps.isViewingActive(parsed.sessionId, stream.id))) continue;
      await deps.livekit.removeParticipant(room, p.identity);
      if (parsed.kind === "viewer") report.viewersRemoved += 1;
    }
  }
  if (report.statusChanged || report.ended || report.viewersRemoved)
    deps.logger.info("streams reconciled", { ...report });
  return report;
}
