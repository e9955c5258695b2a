import { Hono } from "hono";
import { z } from "zod";
import { banListQuerySchema, extendBanSchema, liftBanSchema } from "../../contracts/moderation.ts";
import { currentUser, requireAuth, requireRole, ROLE_ACCESS } from "../auth/index.ts";
import { clientIp } from "../platform/rate-limit.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { chatsOfActions, deliverToChats } from "./deliver-to-chats.ts";
import { listMyActions } from "./list-my-actions.ts";
import { extendBan, liftBans, listBans } from "./manage-bans.ts";

const actionParam = z.object({ actionId: z.uuid("The action id must be a UUID") });
const userParam = z.object({ userId: z.uuid("The user id must be a UUID") });

/**
 * /api/moderation: bans in force (moderators list and extend them, admins lift them) and, for
 * every signed-in user, the actions taken against them (what /appeal shows). A platform ban
 * blocks chat and watching, never signing in, so a banned user still reaches this.
 */
export const moderationRoutes = new Hono<AppEnv>()
  .get("/my-actions", requireAuth(), async (c) => {
    c.header("cache-control", "no-store");
    return c.json({ actions: await listMyActions(c.var.db, currentUser(c).id) }, 200);
  })
  .get("/bans", requireRole(ROLE_ACCESS.moderation), validate("query", banListQuerySchema), async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await listBans(c.var.db, c.req.valid("query")), 200);
  })
  .patch(
    "/bans/:actionId",
    requireRole(ROLE_ACCESS.moderation),
    validate("param", actionParam),
    validate("json", extendBanSchema),
    async (c) => {
      const row = await extendBan(c.var.db, {
        actionId: c.req.valid("param").actionId,
        change: c.req.valid("json"),
        actorId: currentUser(c).id,
        ip: clientIp(c),
      });
      const streams = await chatsOfActions(c.var.db, [row]);
      await deliverToChats(c.env, c.var.logger, { streamIds: streams, effect: null, refreshUserId: row.targetId });
      return c.json({ actionId: row.id, expiresAt: row.expiresAt?.toISOString() ?? null }, 200);
    },
  )
  .delete(
    "/bans/:userId",
    requireRole(ROLE_ACCESS.admin),
    validate("param", userParam),
    validate("query", liftBanSchema),
    async (c) => {
      const { userId } = c.req.valid("param");
      const { reason } = c.req.valid("query");
      const lifted = await c.var.db.transaction((tx) =>
        liftBans(tx, { userId, actorId: currentUser(c).id, reason: reason ?? null, ip: clientIp(c) }),
      );
      const streams = await chatsOfActions(c.var.db, lifted);
      await deliverToChats(c.env, c.var.logger, { streamIds: streams, effect: null, refreshUserId: userId });
      return c.json({ lifted: lifted.map((a) => a.id) }, 200);
    },
  );
