import { Hono } from "hono";
import { z } from "zod";
import { bulkStreamActionSchema, creatorStreamsQuerySchema } from "../../contracts/creator-streams.ts";
import { currentUser, hasAccess } from "../auth/index.ts";
import { meteringHooks } from "../metering/index.ts";
import { clientIp } from "../platform/rate-limit.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { bulkStreamAction, deleteStream, listCreatorStreams, liveKitFromConfig } from "../streams/index.ts";

const idParam = z.object({ id: z.uuid("The stream id must be a UUID") });

/**
 * /api/creator/streams: the stream manager. The list is the caller's own streams; delete and bulk
 * act on the caller's streams (an admin's: anyone's), another creator's being a 404. Guarded by
 * the /api/creator area (creators and admins).
 */
export const creatorStreamsRoutes = new Hono<AppEnv>()
  .get("/", validate("query", creatorStreamsQuerySchema), async (c) => {
    const page = await listCreatorStreams(c.var.db, { ...c.req.valid("query"), creatorId: currentUser(c).id });
    c.header("cache-control", "no-store");
    return c.json(page);
  })
  .post("/bulk", validate("json", bulkStreamActionSchema), async (c) => {
    const user = currentUser(c);
    const result = await bulkStreamAction(
      c.var.db,
      { ...c.req.valid("json"), actorId: user.id, isAdmin: hasAccess(user.role, "admin"), ip: clientIp(c) },
      { livekit: liveKitFromConfig(c.var.config), logger: c.var.logger, ...meteringHooks(c) },
    );
    return c.json(result);
  })
  .delete("/:id", validate("param", idParam), async (c) => {
    const user = currentUser(c);
    const deleted = await deleteStream(
      c.var.db,
      { streamId: c.req.valid("param").id, actorId: user.id, isAdmin: hasAccess(user.role, "admin"), ip: clientIp(c) },
      { livekit: liveKitFromConfig(c.var.config), logger: c.var.logger },
    );
    return c.json(deleted);
  });
