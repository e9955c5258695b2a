import { Hono } from "hono";
import { z } from "zod";
import { appealListQuerySchema, createAppealSchema, decideAppealSchema } from "../../contracts/moderation.ts";
import { currentUser, requireAuth, requireRole, ROLE_ACCESS } from "../auth/index.ts";
import { clientIp, enforceRateLimits, LIMITS } from "../platform/rate-limit.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { createAppeal } from "./create-appeal.ts";
import { decideAppeal } from "./decide-appeal.ts";
import { chatsOfActions, deliverToChats } from "./deliver-to-chats.ts";
import { listAppeals } from "./list-appeals.ts";

const idParam = z.object({ id: z.uuid("The appeal id must be a UUID") });

/** /api/appeals: a user appeals an action against them once; moderators uphold or lift it. */
export const appealsRoutes = new Hono<AppEnv>()
  .post("/", requireAuth(), validate("json", createAppealSchema), async (c) => {
    const user = currentUser(c);
    await enforceRateLimits(c, [[`appeal:user:${user.id}`, LIMITS.reportAccount]]);
    const appeal = await createAppeal(c.var.db, { userId: user.id, appeal: c.req.valid("json"), ip: clientIp(c) });
    return c.json({ id: appeal.id, moderationActionId: appeal.moderationActionId, status: appeal.status }, 201);
  })
  .get("/", requireRole(ROLE_ACCESS.moderation), validate("query", appealListQuerySchema), async (c) => {
    c.header("cache-control", "no-store");
    return c.json({ appeals: await listAppeals(c.var.db, c.req.valid("query").status) }, 200);
  })
  .patch(
    "/:id",
    requireRole(ROLE_ACCESS.moderation),
    validate("param", idParam),
    validate("json", decideAppealSchema),
    async (c) => {
      const { appeal, lifted } = await decideAppeal(c.var.db, {
        appealId: c.req.valid("param").id,
        decision: c.req.valid("json"),
        actorId: currentUser(c).id,
        ip: clientIp(c),
      });
      if (lifted) {
        const streams = await chatsOfActions(c.var.db, [lifted]);
        await deliverToChats(c.env, c.var.logger, { streamIds: streams, effect: null, refreshUserId: appeal.userId });
      }
      return c.json(appeal, 200);
    },
  );
