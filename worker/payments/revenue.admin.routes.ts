import { Hono } from "hono";
import { revenueQuerySchema } from "../../contracts/admin-payments.ts";
import { requireRole, ROLE_ACCESS } from "../auth/index.ts";
import { resolveDayRange } from "../platform/day-range.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { getRevenueReport } from "./get-revenue-report.ts";

/** /api/admin/analytics/revenue (ADMIN): shares the prefix with the streams domain's /streams. */
export const revenueAdminRoutes = new Hono<AppEnv>()
  .use(requireRole(ROLE_ACCESS.admin))
  .get("/revenue", validate("query", revenueQuerySchema), async (c) => {
    const { groupBy, ...dates } = c.req.valid("query");
    c.header("cache-control", "no-store");
    return c.json(await getRevenueReport(c.var.db, { range: resolveDayRange(dates), groupBy }));
  });
