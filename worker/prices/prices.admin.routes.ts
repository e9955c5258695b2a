import { Hono } from "hono";
import { z } from "zod";
import { createPriceSchema, updatePriceSchema } from "../../contracts/prices.ts";
import { currentUser, requireRole, ROLE_ACCESS } from "../auth/index.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { listPrices } from "./list-prices.ts";
import { createPrice, updatePrice } from "./save-price.ts";

/** /api/admin/prices: every package, active or not, and their edits. */
export const pricesAdminRoutes = new Hono<AppEnv>()
  .use(requireRole(ROLE_ACCESS.admin))
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
