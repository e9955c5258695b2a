import { Hono } from "hono";
import type { AppEnv } from "../../types.ts";
import { receiveCoinbaseWebhook } from "../coinbase/coinbase-webhook.ts";
import { coinbaseWebhookSecret, stripeWebhookSecret } from "../provider-config.ts";
import { receiveStripeWebhook } from "../stripe/stripe-webhook.ts";

/**
 * /api/webhooks/*: the raw body is read as text and verified before it is parsed.
 * Verified events always get a 200 (the seed's rule against retry storms); failures are
 * kept in webhook_event for replay.
 */
export const webhookRoutes = new Hono<AppEnv>()
  .post("/stripe", async (c) => {
    const deps = { db: c.var.db, logger: c.var.logger, webhookSecret: stripeWebhookSecret(c.var.config) };
    const result = await receiveStripeWebhook(deps, await c.req.text(), c.req.header("stripe-signature"));
    return c.json({ received: true, ...result });
  })
  .post("/coinbase", async (c) => {
    const deps = { db: c.var.db, logger: c.var.logger, webhookSecret: coinbaseWebhookSecret(c.var.config) };
    const result = await receiveCoinbaseWebhook(deps, await c.req.text(), (name) => c.req.header(name));
    return c.json({ received: true, ...result });
  });
