import { Hono } from "hono";
import { z } from "zod";
import { cachePublicRead } from "../platform/cache.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { getCreatorProfile } from "./get-creator-profile.ts";

const creatorParam = z.object({ id: z.uuid("The creator id must be a UUID") });

/** /api/creators: creators' public profiles, for everyone (follows.routes.ts adds /:id/follow). */
export const creatorsPublicRoutes = new Hono<AppEnv>().get("/:id", validate("param", creatorParam), async (c) => {
  const profile = await getCreatorProfile(c.var.db, {
    creatorId: c.req.valid("param").id,
    viewerId: c.var.claims?.sub,
  });
  cachePublicRead(c);
  return c.json(profile);
});
