import { Hono } from "hono";
import { requireRole, ROLE_ACCESS } from "../auth/index.ts";
import type { AppEnv } from "../platform/types.ts";

/**
 * /api/creator: the creator's own area (dashboard, earnings, analytics), creators and admins
 * only. The whole area is guarded here, so a route added later cannot forget it.
 */
export const creatorsRoutes = new Hono<AppEnv>().use(requireRole(ROLE_ACCESS.creator));
