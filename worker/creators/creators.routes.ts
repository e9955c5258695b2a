import { Hono } from "hono";
import { creatorAnalyticsQuerySchema, streamReportParamsSchema } from "../../contracts/creators.ts";
import { currentUser, hasAccess, requireRole, ROLE_ACCESS } from "../auth/index.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { getCreatorAnalytics } from "./get-creator-analytics.ts";
import { getCreatorEarnings } from "./get-creator-earnings.ts";
import { getStreamReport } from "./get-stream-report.ts";
import { creatorSettingsRoutes } from "./creator-settings.routes.ts";
import { creatorStreamsRoutes } from "./creator-streams.routes.ts";

/**
 * /api/creator: the creator's own area (dashboard, earnings, analytics), creators and admins
 * only. The whole area is guarded here, so a route added later cannot forget it.
 */
export const creatorsRoutes = new Hono<AppEnv>()
  .use(requireRole(ROLE_ACCESS.creator))
  .route("/settings", creatorSettingsRoutes)
  .route("/streams", creatorStreamsRoutes)
  .get("/earnings", async (c) => {
    const earnings = await getCreatorEarnings(c.var.db, currentUser(c).id);
    c.header("cache-control", "no-store");
    return c.json(earnings);
  })
  .get("/analytics", validate("query", creatorAnalyticsQuerySchema), async (c) => {
    const analytics = await getCreatorAnalytics(c.var.db, { ...c.req.valid("query"), creatorId: currentUser(c).id });
    c.header("cache-control", "no-store");
    return c.json(analytics);
  })
  .get("/streams/:id/report", validate("param", streamReportParamsSchema), async (c) => {
    const user = currentUser(c);
    const report = await getStreamReport(c.var.db, {
      streamId: c.req.valid("param").id,
      userId: user.id,
      isAdmin: hasAccess(user.role, "admin"),
    });
    c.header("cache-control", "no-store");
    return c.json(report);
  });
