import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../types.ts";
import { validate } from "../validate.ts";
import { listOutbox } from "./outbox-sender.ts";

/** GET /api/dev/outbox: the development mailbox (mounted behind devOnly() in app.ts). */
export const outboxRoutes = new Hono<AppEnv>().get(
  "/outbox",
  validate("query", z.object({ to: z.string().trim().toLowerCase().max(254).optional() })),
  async (c) => {
    const { to } = c.req.valid("query");
    c.header("cache-control", "no-store");
    return c.json({ messages: await listOutbox(c.var.db, to ? { to } : {}) });
  },
);
