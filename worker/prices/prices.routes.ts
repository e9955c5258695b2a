import { Hono } from "hono";
import type { AppEnv } from "../platform/types.ts";
import { listPrices } from "./list-prices.ts";

/** GET /api/prices: the active packages, for everyone. */
export const pricesRoutes = new Hono<AppEnv>().get("/", async (c) => {
  // Revalidate every time: a package an admin just hid must not stay buyable from a cache.
  c.header("cache-control", "no-cache");
  return c.json({ prices: await listPrices(c.var.db, { includeInactive: false }) });
});
