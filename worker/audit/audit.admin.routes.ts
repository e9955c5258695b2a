import { Hono } from "hono";
import { auditLogQuerySchema } from "../../contracts/audit.ts";
import { requireRole, ROLE_ACCESS } from "../auth/index.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { auditLogCsv } from "./audit-log-csv.ts";
import { listAuditLog } from "./list-audit-log.ts";

const admin = requireRole(ROLE_ACCESS.admin);

/**
 * Mounted at /api/admin: GET /audit-logs (JSON pages) and GET /audit-logs.csv (the filtered set).
 * The guard sits on each route: a router-wide `use` would also catch other /api/admin paths.
 */
export const auditAdminRoutes = new Hono<AppEnv>()
  .get("/audit-logs", admin, validate("query", auditLogQuerySchema), async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await listAuditLog(c.var.db, c.req.valid("query")));
  })
  .get("/audit-logs.csv", admin, validate("query", auditLogQuerySchema), async (c) => {
    const { cursor: _cursor, limit: _limit, ...filters } = c.req.valid("query");
    return c.body(await auditLogCsv(c.var.db, filters), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="tollgate-audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    });
  });
