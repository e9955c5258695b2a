import { Hono } from "hono";
import { z } from "zod";
import { meterTickSchema } from "../../contracts/metering.ts";
import { formatCredits } from "../../contracts/money.ts";
import { currentUser, requireAuth } from "../auth/index.ts";
import { AppError, notFound } from "../platform/errors.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { requireLiveKit } from "../streams/index.ts";
import { findProfile } from "../users/index.ts";
import { viewerSessionObject } from "./metering-deps.ts";
import { startViewingSession } from "./start-viewing-session.ts";
import { findViewingSession } from "./viewing-sessions.ts";

const streamParam = z.object({ id: z.uuid("The stream id must be a UUID") });
const sessionParam = streamParam.extend({ sessionId: z.uuid("The session id must be a UUID") });

/**
 * Metered watching: POST /api/streams/:id/session starts a paid viewing, POST /api/meter books
 * one interval through the session's ViewerSession object. Mounted at /api; guards per route
 * (another router shares the /streams prefix).
 */
export const meteringRoutes = new Hono<AppEnv>()
  .post("/streams/:id/session", requireAuth(), validate("param", streamParam), async (c) => {
    const user = currentUser(c);
    const livekit = requireLiveKit(c.var.config);
    const intervalMs = c.var.config.METER_INTERVAL_MS;
    const profile = await findProfile(c.var.db, user.id);
    const started = await startViewingSession(
      c.var.db,
      { userId: user.id, streamId: c.req.valid("param").id, displayName: profile?.displayName ?? "Viewer" },
      { livekit, intervalMs, feeBps: c.var.config.PLATFORM_FEE_BPS },
    );
    const { session } = started;
    await viewerSessionObject(c.env, session.id).start({
      sessionId: session.id,
      userId: session.userId,
      streamId: session.streamId,
      creatorId: session.creatorId,
      escrowWalletId: session.escrowWalletId,
      roomName: started.roomName,
      identity: session.identity,
      intervalMs: session.intervalMs,
      ratePerMinute: session.ratePerMinute,
      feeBps: session.feeBps,
      startedAt: session.startedAt.getTime(),
    });
    c.executionCtx.waitUntil(
      Promise.all(started.replaced.map((id) => viewerSessionObject(c.env, id).end("replaced"))).then(() => undefined),
    );
    c.header("cache-control", "no-store");
    return c.json(
      {
        sessionId: session.id,
        streamId: session.streamId,
        meteringRate: formatCredits(session.ratePerMinute),
        minimumBalance: formatCredits(started.minimumBalance),
        intervalMs: session.intervalMs,
        remainingCredits: formatCredits(started.balance),
        token: started.token,
        livekitUrl: livekit.wsUrl,
        roomName: started.roomName,
        identity: session.identity,
        meterSocketPath: `/api/meter/socket?sessionId=${session.id}`,
      },
      201,
    );
  })
  .delete("/streams/:id/session/:sessionId", requireAuth(), validate("param", sessionParam), async (c) => {
    const { id, sessionId } = c.req.valid("param");
    const session = await findViewingSession(c.var.db, sessionId);
    if (!session || session.userId !== currentUser(c).id || session.streamId !== id) throw notFound("Viewing session");
    await viewerSessionObject(c.env, sessionId).end("viewer_left");
    return c.body(null, 204);
  })
  .get(
    "/meter/socket",
    requireAuth(),
    validate("query", z.object({ sessionId: z.uuid("The session id must be a UUID") })),
    async (c) => {
      if (c.req.header("upgrade") !== "websocket") {
        throw new AppError("BAD_REQUEST", 426, "This endpoint speaks WebSocket only");
      }
      // A cookie rides along on a cross-site WebSocket too: only our own pages may open it.
      const origin = c.req.header("origin");
      if (origin && origin !== new URL(c.req.url).origin && origin !== c.var.config.APP_URL) {
        throw new AppError("CSRF_REJECTED", 403, "Cross-site WebSocket refused");
      }
      const headers = new Headers(c.req.raw.headers);
      headers.set("x-tollgate-viewer", currentUser(c).id);
      return viewerSessionObject(c.env, c.req.valid("query").sessionId).fetch(
        new Request(c.req.url, { headers, method: "GET" }),
      );
    },
  )
  .post("/meter", requireAuth(), validate("json", meterTickSchema), async (c) => {
    const tick = c.req.valid("json");
    const response = await viewerSessionObject(c.env, tick.sessionId).tick({
      userId: currentUser(c).id,
      streamId: tick.streamId,
      intervalIndex: tick.intervalIndex,
      playbackMs: tick.playbackMs,
    });
    c.header("cache-control", "no-store");
    if (response.result) return c.json(response.result, 200);
    const error = response.error ?? { code: "INTERNAL" as const, message: "The session gave no answer" };
    throw new AppError(
      error.code,
      response.status === 200 ? 500 : response.status,
      error.message,
      error.details,
      response.headers,
    );
  });
