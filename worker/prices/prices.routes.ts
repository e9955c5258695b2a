import { Hono } from "hono";
import { z } from "zod";
import { currentUser } from "../auth/guards.ts";
import { createPriceSchema, updatePriceSchema } from "../contracts/payments.ts";
import { validate } from "../lib/validate.ts";
import type { AppEnv } from "../types.ts";
import { listPrices } from "./list-prices.ts";
import { createPrice, updatePrice } from "./save-price.ts";

/** GET /api/prices: the active packages, for everyone. */
export const publicPriceRoutes = new Hono<AppEnv>().get("/", async (c) => {
  // Revalidate every time: a package an admin just hid must not stay buyable from a cache.
  c.header("cache-control", "no-cache");
  return c.json({ prices: await listPrices(c.var.db, { includeInactive: false }) });
});

/** /api/admin/prices (behind the admin guard). */
export const adminPriceRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json({ prices: await listPrices(c.var.db, { includeInactive: true }) }))
  .post("/", validate("json", createPriceSchema), async (c) => {
    const price = await createPrice(c.var.db, { ...c.req.valid("json"), actorId: currentUser(c).id });
    return c.json({ price }, 201);
  })
  .patch("/:id", validate("param", z.object({ id: z.uuid() })), validate("json", updatePriceSchema), async (c) => {
    const price = await updatePrice(c.var.db, {
      ...c.req.valid("json"),
      id: c.req.valid("param").id,
      actorId: currentUser(c).id,
    });
    return c.json({ price });
  });
