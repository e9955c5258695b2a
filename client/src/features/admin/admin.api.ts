import { auditLogPageSchema, type AuditLogQuery } from "@contracts/audit.ts";
import { adminOverviewSchema } from "@contracts/overview.ts";
import { apiFetch, query } from "../../lib/api/core.ts";

/** The console's front page figures (GET /api/admin/overview). */
export const getOverview = (signal?: AbortSignal) =>
  apiFetch("/api/admin/overview", { schema: adminOverviewSchema, signal });

export type AuditLogFilters = Omit<Partial<AuditLogQuery>, "limit" | "cursor">;

export const listAuditLogs = (params: AuditLogFilters & { cursor?: string; limit?: number }, signal?: AbortSignal) =>
  apiFetch(`/api/admin/audit-logs${query({ ...params })}`, { schema: auditLogPageSchema, signal });

/** Where the browser downloads the filtered audit log as CSV (a plain link: the cookie authenticates it). */
export const auditLogCsvUrl = (filters: AuditLogFilters) => `/api/admin/audit-logs.csv${query({ ...filters })}`;
