import { eq, sql } from "drizzle-orm";
import type { IngestDto } from "../../contracts/streams.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { type LiveKit, roomName, whipPublisherIdentity } from "./livekit.ts";
import { type Stream, streams } from "./streams.schema.ts";

/** OBS keeps its WHIP token in its settings: it lives 30 days; rotating it retires the old one. */
const WHIP_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

/** The credentials to publish a stream: the browser joins the room, OBS posts to WHIP. */
export async function ingestFor(stream: Stream, deps: { livekit: LiveKit; now?: Date }): Promise<IngestDto> {
  const room = roomName(stream.id);
  const whipToken = await deps.livekit.publisherToken({
    room,
    identity: whipPublisherIdentity(stream.id, stream.ingestKeyVersion),
    name: "OBS",
    ttlSeconds: WHIP_TOKEN_TTL_SECONDS,
  });
  const now = deps.now ?? new Date();
  return {
    livekitUrl: deps.livekit.wsUrl,
    roomName: room,
    whipUrl: `${deps.livekit.httpUrl}/whip/v1`,
    whipToken,
    whipTokenExpiresAt: new Date(now.getTime() + WHIP_TOKEN_TTL_SECONDS * 1000).toISOString(),
  };
}

/**
 * A new WHIP token: the key version moves on, and a publisher joining with an older version's
 * identity is removed (self-hosted LiveKit cannot revoke a token, so the webhook enforces it).
 * A WHIP publisher still connected with the old token is removed at once.
 */
export async function rotateIngest(
  db: DbOrTx,
  input: { stream: Stream },
  deps: { livekit: LiveKit },
): Promise<IngestDto> {
  const [updated] = await db
    .update(streams)
    .set({ ingestKeyVersion: sql`${streams.ingestKeyVersion} + 1` })
    .where(eq(streams.id, input.stream.id))
    .returning();
  if (!updated) throw new Error(`rotateIngest: stream ${input.stream.id} vanished`);
  await deps.livekit.removeParticipant(
    roomName(updated.id),
    whipPublisherIdentity(updated.id, input.stream.ingestKeyVersion),
  );
  return ingestFor(updated, deps);
}
