import { Hono } from "hono";
import { z } from "zod";
import { currentUser, requireAuth } from "../auth/index.ts";
import { enforceRateLimits, LIMITS } from "../platform/rate-limit.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { setFollowing } from "./follow-creator.ts";
import { listFollowing } from "./list-following.ts";

const creatorParam = z.object({ id: z.uuid("The creator id must be a UUID") });

/** Follow and unfollow (POST/DELETE /api/creators/:id/follow) and GET /api/following; signed in. */
export const followsRoutes = new Hono<AppEnv>()
  .post("/creators/:id/follow", requireAuth(), validate("param", creatorParam), async (c) => {
    const user = currentUser(c);
    await enforceRateLimits(c, [[`follow:account:${user.id}`, LIMITS.followAccount]]);
    return c.json(await setFollowing(c.var.db, { userId: user.id, creatorId: c.req.valid("param").id, follow: true }));
  })
  .delete("/creators/:id/follow", requireAuth(), validate("param", creatorParam), async (c) => {
    const user = currentUser(c);
    await enforceRateLimits(c, [[`follow:account:${user.id}`, LIMITS.followAccount]]);
    return c.json(await setFollowing(c.var.db, { userId: user.id, creatorId: c.req.valid("param").id, follow: false }));
  })
  .get("/following", requireAuth(), async (c) => {
    c.header("cache-control", "no-store");
    return c.json({ creators: await listFollowing(c.var.db, currentUser(c).id) });
  });
