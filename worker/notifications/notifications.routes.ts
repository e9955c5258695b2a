import { type Context, Hono } from "hono";
import { z } from "zod";
import {
  bulkReadSchema,
  listNotificationsQuerySchema,
  updateNotificationPreferencesSchema,
} from "../../contracts/notifications.ts";
import { currentUser, loadSigningKeys, requireAuth } from "../auth/index.ts";
import { appUrl } from "../platform/app-url.ts";
import { AppError, forbidden } from "../platform/errors.ts";
import { clientIpKey, enforceRateLimits, LIMITS } from "../platform/rate-limit.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { countUnread, listNotifications } from "./list-notifications.ts";
import { markAllNotificationsRead, markNotificationRead, setNotificationsRead } from "./mark-notifications-read.ts";
import { getNotificationPreferences, updateNotificationPreferences } from "./notification-preferences.ts";
import { unsubscribeByToken } from "./unsubscribe.ts";

const idParam = z.object({ id: z.uuid("The notification id must be a UUID") });

/** /api/notifications: the signed-in user's own notifications and preferences; unsubscribe by signed link. */
export const notificationsRoutes = new Hono<AppEnv>()
  .post("/unsubscribe", validate("json", z.object({ token: z.string().min(1).max(4096) })), async (c) => {
    await enforceRateLimits(c, [[`unsubscribe:ip:${clientIpKey(c)}`, LIMITS.unsubscribeIp]]);
    const keys = await loadSigningKeys(c.var.config.JWT_PRIVATE_KEY, c.var.config.JWT_KEY_ID);
    return c.json(await unsubscribeByToken(c.var.db, c.req.valid("json"), { keys }));
  })
  // The live feed: the session cookie authenticates the upgrade; a page of another origin may not
  // open it with the user's cookie (cross-site WebSocket hijacking), so the Origin must be ours.
  .get("/socket", requireAuth(), async (c) => {
    if (c.req.header("upgrade") !== "websocket") {
      throw new AppError("BAD_REQUEST", 426, "This endpoint speaks WebSocket only");
    }
    const allowed = new Set([new URL(c.req.url).origin, new URL(appUrl(c)).origin]);
    if (!allowed.has(c.req.header("origin") ?? ""))
      throw forbidden("The live feed opens from Tollgate's own pages only");
    const user = currentUser(c);
    const headers = new Headers(c.req.raw.headers);
    headers.set("x-tollgate-user", user.id);
    return userFeed(c.env, user.id).fetch(new Request(c.req.url, { headers, method: "GET" }));
  })
  .use(requireAuth())
  .use(async (c, next) => {
    await next();
    c.header("cache-control", "no-store");
  })
  .get("/", validate("query", listNotificationsQuerySchema), async (c) => {
    const q = c.req.valid("query");
    const read = q.read === undefined ? undefined : q.read === "true";
    return c.json(
      await listNotifications(c.var.db, { userId: currentUser(c).id, read, cursor: q.cursor, limit: q.limit }),
    );
  })
  .get("/unread-count", async (c) => c.json({ unreadCount: await countUnread(c.var.db, currentUser(c).id) }))
  .post("/read-all", async (c) => {
    const user = currentUser(c);
    const updated = await markAllNotificationsRead(c.var.db, user.id);
    tellOtherTabs(c, user.id);
    return c.json({ updated });
  })
  .post("/read", validate("json", bulkReadSchema), async (c) => {
    const user = currentUser(c);
    const updated = await setNotificationsRead(c.var.db, { userId: user.id, ...c.req.valid("json") });
    tellOtherTabs(c, user.id);
    return c.json({ updated });
  })
  .get("/preferences", async (c) => c.json(await getNotificationPreferences(c.var.db, currentUser(c).id)))
  .put("/preferences", validate("json", updateNotificationPreferencesSchema), async (c) =>
    c.json(await updateNotificationPreferences(c.var.db, { userId: currentUser(c).id, changes: c.req.valid("json") })),
  )
  .patch("/:id/read", validate("param", idParam), async (c) => {
    const user = currentUser(c);
    const notification = await markNotificationRead(c.var.db, {
      userId: user.id,
      notificationId: c.req.valid("param").id,
    });
    tellOtherTabs(c, user.id);
    return c.json({ notification });
  });

const userFeed = (env: Env, userId: string) => env.USER_NOTIFICATIONS.get(env.USER_NOTIFICATIONS.idFromName(userId));

/** The user's other open tabs update their badge; the answer does not wait for them. */
function tellOtherTabs(c: Context<AppEnv>, userId: string): void {
  c.executionCtx.waitUntil(
    userFeed(c.env, userId)
      .unreadChanged()
      .catch((error: unknown) => c.var.logger.warn("unread push failed", { error })),
  );
}
