import { Hono } from "hono";
import type { AppEnv } from "../platform/types.ts";
import { receiveCoinbaseWebhook } from "./coinbase/coinbase-webhook.ts";
import { coinbaseWebhookSecret, stripeWebhookSecret } from "./provider-config.ts";
import { receiveStripeWebhook } from "./stripe/stripe-webhook.ts";

/**
 * /api/webhooks/*: the raw body is read as text and verified before it is parsed. A 2xx
 * acknowledges the event (processed, duplicate, ignored, or failed for good and kept for an
 * admin); a transient failure answers 503 and a delivery racing another 409, so the provider
 * retries (record-webhook-event.ts).
 */
export const paymentsWebhookRoutes = new Hono<AppEnv>()
  .post("/stripe", async (c) => {
    const deps = { logger: c.var.logger, webhookSecret: stripeWebhookSecret(c.var.config) };
    const input = { rawBody: await c.req.text(), signature: c.req.header("stripe-signature") };
    const result = await receiveStripeWebhook(c.var.db, input, deps);
    return c.json({ received: true, ...result });
  })
  .post("/coinbase", async (c) => {
    const deps = { logger: c.var.logger, webhookSecret: coinbaseWebhookSecret(c.var.config) };
    const input = { rawBody: await c.req.text(), header: (name: string) => c.req.header(name) };
    const result = await receiveCoinbaseWebhook(c.var.db, input, deps);
    return c.json({ received: true, ...result });
  });
