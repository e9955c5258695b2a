import { eq } from "drizzle-orm";
import type { Db } from "../platform/db/client.ts";
import type { Logger } from "../platform/logger.ts";
import { endStream } from "./end-stream.ts";
import { findStream } from "./find-stream.ts";
import { type LiveKit, parseIdentity, streamIdOfRoom } from "./livekit.ts";
import { livekitWebhookEvents, type Stream } from "./streams.schema.ts";
import { isCurrentPublisher, syncStreamStatus } from "./sync-stream-status.ts";

export interface LivekitWebhookDeps {
  livekit: LiveKit;
  logger: Logger;
  /** Whether a viewing session may be in the room (the metering domain). */
  isViewingActive: (sessionId: string, streamId: string) => Promise<boolean>;
  endViewingSessions: (streamId: string) => Promise<void>;
  onWentLive?: ((stream: Stream) => Promise<void>) | undefined;
}

const HANDLED = new Set([
  "participant_joined",
  "participant_left",
  "track_published",
  "track_unpublished",
  "room_finished",
]);

export type LivekitWebhookOutcome = "processed" | "ignored" | "duplicate";

/**
 * POST /api/webhooks/livekit. Verified on the raw body first; each event id is handled once
 * (LiveKit may deliver twice), and the handlers re-read LiveKit and the database instead of
 * trusting the event's order: a late track_unpublished cannot pause a stream that is live.
 */
export async function receiveLivekitWebhook(
  db: Db,
  input: { rawBody: string; authorization: string | undefined },
  deps: LivekitWebhookDeps,
): Promise<{ event: string; outcome: LivekitWebhookOutcome }> {
  const event = await deps.livekit.receiveWebhook(input.rawBody, input.authorization);
  const name = event.event;
  if (!HANDLED.has(name) || !event.id) return { event: name, outcome: "ignored" };
  const [seen] = await db.select().from(livekitWebhookEvents).where(eq(livekitWebhookEvents.eventId, event.id));
  if (seen) return { event: name, outcome: "duplicate" };
  const room = event.room?.name ?? "";
  const streamId = streamIdOfRoom(room);
  const stream = streamId ? await findStream(db, streamId) : undefined;
  if (!stream) return { event: name, outcome: "ignored" };

  const identity = event.participant?.identity ?? "";
  const parsed = parseIdentity(identity);
  if (name === "room_finished") {
    // A SCHEDULED stream keeps going: LiveKit creates the room again when the creator joins.
    if (stream.status !== "SCHEDULED")
      await endStream(db, { streamId: stream.id }, { livekit: null, endViewingSessions: deps.endViewingSessions });
  } else if (parsed.kind === "viewer") {
    if (name === "participant_joined" && !(await deps.isViewingActive(parsed.sessionId, stream.id))) {
      // A removed or exhausted viewer rejoining with a still-valid token is removed again.
      deps.logger.info("removing a viewer without an active session", { identity, streamId: stream.id });
      await deps.livekit.removeParticipant(room, identity);
    }
  } else if (parsed.kind === "publisher" && parsed.streamId === stream.id) {
    if (name === "participant_joined" && !isCurrentPublisher(stream, identity)) {
      deps.logger.info("removing a publisher with a retired WHIP key", { identity, streamId: stream.id });
      await deps.livekit.removeParticipant(room, identity);
    }
    await syncStreamStatus(db, { stream }, deps);
  } else if (name === "participant_joined") {
    deps.logger.warn("removing an unknown participant", { identity, streamId: stream.id });
    await deps.livekit.removeParticipant(room, identity);
  }
  await db
    .insert(livekitWebhookEvents)
    .values({ eventId: event.id, event: name, roomName: room })
    .onConflictDoNothing();
  return { event: name, outcome: "processed" };
}
