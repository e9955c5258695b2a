import { Hono } from "hono";
import { z } from "zod";
import { listOutbox } from "../email/outbox-sender.ts";
import { notFound } from "../errors.ts";
import { devCheckoutRoutes } from "../payments/dev/dev-checkout.routes.ts";
import { validate } from "../lib/validate.ts";
import type { AppEnv } from "../types.ts";

/** Development tools (mailbox, test checkout): exist only in development and test. */
export const devRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (c.var.config.ENVIRONMENT === "production") throw notFound("Route");
    await next();
  })
  .get(
    "/outbox",
    validate("query", z.object({ to: z.string().trim().toLowerCase().max(254).optional() })),
    async (c) => {
      const { to } = c.req.valid("query");
      c.header("cache-control", "no-store");
      return c.json({ messages: await listOutbox(c.var.db, to ? { to } : {}) });
    },
  )
  .route("/checkout", devCheckoutRoutes);
