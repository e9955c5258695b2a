import { Hono } from "hono";
import { z } from "zod";
import {
  adminAnalyticsRangeSchema,
  adminStreamsQuerySchema,
  takedownStreamSchema,
} from "../../contracts/admin-streams.ts";
import { currentUser, requireRole, ROLE_ACCESS } from "../auth/index.ts";
import { meteringHooks } from "../metering/index.ts";
import { resolveDayRange } from "../platform/day-range.ts";
import { clientIp } from "../platform/rate-limit.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { getAdminStream } from "./get-admin-stream.ts";
import { getStreamAnalytics } from "./get-stream-analytics.ts";
import { listAdminStreams, toAdminStreamRows } from "./list-admin-streams.ts";
import { liveKitFromConfig } from "./livekit.ts";
import { takedownStream } from "./takedown-stream.ts";

const idParam = z.object({ id: z.uuid("The stream id must be a UUID") });

/**
 * /api/admin/streams: every stream with its numbers, one stream's detail, and the takedown.
 * Moderators too: a report's review takes streams down through the same use-case.
 */
export const streamsAdminRoutes = new Hono<AppEnv>()
  .use(requireRole(ROLE_ACCESS.moderation))
  .get("/", validate("query", adminStreamsQuerySchema), async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await listAdminStreams(c.var.db, c.req.valid("query")));
  })
  .get("/:id", validate("param", idParam), async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await getAdminStream(c.var.db, { streamId: c.req.valid("param").id }));
  })
  .post("/:id/takedown", validate("param", idParam), validate("json", takedownStreamSchema), async (c) => {
    const result = await takedownStream(
      c.var.db,
      {
        streamId: c.req.valid("param").id,
        actorId: currentUser(c).id,
        reason: c.req.valid("json").reason,
        ip: clientIp(c),
      },
      { livekit: liveKitFromConfig(c.var.config), ...meteringHooks(c) },
    );
    const [stream] = await toAdminStreamRows(c.var.db, [result.stream]);
    return c.json({ stream, moderationActionId: result.moderationActionId, alreadyRemoved: result.alreadyRemoved });
  });

/** /api/admin/analytics/streams (ADMIN): shares the prefix with the payments domain's /revenue. */
export const streamAnalyticsAdminRoutes = new Hono<AppEnv>()
  .use(requireRole(ROLE_ACCESS.admin))
  .get("/streams", validate("query", adminAnalyticsRangeSchema), async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await getStreamAnalytics(c.var.db, resolveDayRange(c.req.valid("query"))));
  });
