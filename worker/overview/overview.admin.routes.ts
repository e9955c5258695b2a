import { Hono } from "hono";
import { requireRole, ROLE_ACCESS } from "../auth/index.ts";
import type { AppEnv } from "../platform/types.ts";
import { getAdminOverview } from "./get-admin-overview.ts";

/** /api/admin/overview: the admin console's front page (polled every few seconds). */
export const overviewAdminRoutes = new Hono<AppEnv>().use(requireRole(ROLE_ACCESS.admin)).get("/", async (c) => {
  c.header("cache-control", "no-store");
  return c.json(await getAdminOverview(c.var.db));
});
