import { Hono } from "hono";
import { z } from "zod";
import {
  createStreamSchema,
  discoverStreamsQuerySchema,
  listStreamsQuerySchema,
  updateStreamSchema,
} from "../../contracts/streams.ts";
import { currentUser, hasAccess, requireAuth, requireRole, ROLE_ACCESS } from "../auth/index.ts";
import { getMeteringRates, meteringHooks } from "../metering/index.ts";
import { cachePublicRead } from "../platform/cache.ts";
import type { Db } from "../platform/db/client.ts";
import { findProfile } from "../users/index.ts";
import { AppError, notFound } from "../platform/errors.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { createStream } from "./create-stream.ts";
import { endStream } from "./end-stream.ts";
import { findOwnStream, findStream } from "./find-stream.ts";
import { ingestFor, rotateIngest } from "./ingest.ts";
import { browserPublisherIdentity, liveKitFromConfig, requireLiveKit, roomName } from "./livekit.ts";
import { discoverStreams } from "./discover-streams.ts";
import { listStreams } from "./list-streams.ts";
import { toStreamDtos } from "./stream-dto.ts";
import type { Stream } from "./streams.schema.ts";
import { updateStream } from "./update-stream.ts";

const idParam = z.object({ id: z.uuid("The stream id must be a UUID") });
const PUBLISH_TOKEN_TTL_SECONDS = 6 * 3600;

async function dtos(db: Db, rows: Stream[]) {
  return toStreamDtos(db, rows, await getMeteringRates(db, rows));
}
async function dto(db: Db, row: Stream) {
  const [one] = await dtos(db, [row]);
  if (!one) throw new Error("toStreamDtos dropped a row");
  return one;
}

/** A taken-down stream cannot be published again (no token, no ingest). */
function assertNotRemoved(stream: Stream): void {
  if (stream.status === "REMOVED") throw new AppError("STREAM_REMOVED", 409, "This stream was removed by moderation");
}

/** /api/streams: guards per route (the metering router shares this prefix). */
export const streamsRoutes = new Hono<AppEnv>()
  .post("/", requireRole(ROLE_ACCESS.creator), validate("json", createStreamSchema), async (c) => {
    const livekit = requireLiveKit(c.var.config);
    const { stream, ingest } = await createStream(
      c.var.db,
      { ...c.req.valid("json"), creatorId: currentUser(c).id },
      { livekit },
    );
    return c.json({ stream: await dto(c.var.db, stream), ingest }, 201);
  })
  .get("/list", validate("query", listStreamsQuerySchema), async (c) => {
    const page = await listStreams(c.var.db, c.req.valid("query"));
    c.header("cache-control", "no-store");
    return c.json({ streams: await dtos(c.var.db, page.streams), nextCursor: page.nextCursor });
  })
  .get("/discover", validate("query", discoverStreamsQuerySchema), async (c) => {
    const page = await discoverStreams(c.var.db, c.req.valid("query"));
    const body = { streams: await dtos(c.var.db, page.streams), nextCursor: page.nextCursor };
    cachePublicRead(c);
    return c.json(body);
  })
  .get("/:id", validate("param", idParam), async (c) => {
    const row = await findStream(c.var.db, c.req.valid("param").id);
    // A stream its creator deleted is gone for everyone, though its row stays for the ledger.
    if (!row || row.deletedAt) throw notFound("Stream");
    c.header("cache-control", "no-store");
    return c.json({ stream: await dto(c.var.db, row) });
  })
  .patch("/:id", requireAuth(), validate("param", idParam), validate("json", updateStreamSchema), async (c) => {
    const stream = await findOwnStream(c.var.db, { streamId: c.req.valid("param").id, userId: currentUser(c).id });
    const updated = await updateStream(
      c.var.db,
      { ...c.req.valid("json"), stream },
      { livekit: liveKitFromConfig(c.var.config), ...meteringHooks(c) },
    );
    return c.json({ stream: await dto(c.var.db, updated) });
  })
  .delete("/:id", requireAuth(), validate("param", idParam), async (c) => {
    const user = currentUser(c);
    const stream = await findOwnStream(c.var.db, {
      streamId: c.req.valid("param").id,
      userId: user.id,
      isAdmin: hasAccess(user.role, "admin"),
    });
    await endStream(
      c.var.db,
      { streamId: stream.id },
      { livekit: liveKitFromConfig(c.var.config), ...meteringHooks(c) },
    );
    return c.body(null, 204);
  })
  .post("/:id/token", requireAuth(), validate("param", idParam), async (c) => {
    const user = currentUser(c);
    const stream = await findOwnStream(c.var.db, { streamId: c.req.valid("param").id, userId: user.id });
    assertNotRemoved(stream);
    if (stream.status === "ENDED") throw notFound("Live stream");
    const livekit = requireLiveKit(c.var.config);
    // The participant name is visible to everyone in the room: the display name, never the email.
    const profile = await findProfile(c.var.db, user.id);
    const token = await livekit.publisherToken({
      room: roomName(stream.id),
      identity: browserPublisherIdentity(stream.id),
      name: profile?.displayName ?? "Creator",
      ttlSeconds: PUBLISH_TOKEN_TTL_SECONDS,
    });
    c.header("cache-control", "no-store");
    return c.json({ token, livekitUrl: livekit.wsUrl, roomName: roomName(stream.id) });
  })
  .get("/:id/ingest", requireAuth(), validate("param", idParam), async (c) => {
    const stream = await findOwnStream(c.var.db, { streamId: c.req.valid("param").id, userId: currentUser(c).id });
    assertNotRemoved(stream);
    c.header("cache-control", "no-store");
    return c.json({ ingest: await ingestFor(stream, { livekit: requireLiveKit(c.var.config) }) });
  })
  .post("/:id/ingest/rotate", requireAuth(), validate("param", idParam), async (c) => {
    const stream = await findOwnStream(c.var.db, { streamId: c.req.valid("param").id, userId: currentUser(c).id });
    assertNotRemoved(stream);
    const ingest = await rotateIngest(c.var.db, { stream }, { livekit: requireLiveKit(c.var.config) });
    return c.json({ ingest });
  });
