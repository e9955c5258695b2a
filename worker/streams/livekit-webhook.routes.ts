import { Hono } from "hono";
import { meteringHooks } from "../metering/index.ts";
import { notificationHooksFor } from "../notifications/index.ts";
import type { AppEnv } from "../platform/types.ts";
import { requireLiveKit } from "./livekit.ts";
import { receiveLivekitWebhook } from "./livekit-webhook.ts";

/** POST /api/webhooks/livekit: raw body (application/webhook+json), Authorization a bare JWT. */
export const livekitWebhookRoutes = new Hono<AppEnv>().post("/livekit", async (c) => {
  const result = await receiveLivekitWebhook(
    c.var.db,
    { rawBody: await c.req.text(), authorization: c.req.header("authorization") },
    {
      livekit: requireLiveKit(c.var.config),
      logger: c.var.logger,
      ...meteringHooks(c),
      ...notificationHooksFor(c.var.db, c.env, c.var.logger),
    },
  );
  return c.json({ received: true, ...result });
});
