import {
  adminPaymentPageSchema,
  adminWebhookEventsSchema,
  revenueReportSchema,
  type AdminPaymentKind,
  type RevenueGroup,
} from "@contracts/admin-payments.ts";
import { z } from "zod";
import { apiFetch, post, query, segment } from "../../lib/api/core.ts";

export const getRevenue = (
  params: { startDate?: string; endDate?: string; groupBy: RevenueGroup },
  signal?: AbortSignal,
) => apiFetch(`/api/admin/analytics/revenue${query({ ...params })}`, { schema: revenueReportSchema, signal });

export const listAdminPayments = (kind: AdminPaymentKind, page = 1, signal?: AbortSignal) =>
  apiFetch(`/api/admin/payments${query({ kind, page, limit: 25 })}`, { schema: adminPaymentPageSchema, signal });

/** The provider events that failed (the list the sweep retries; replay runs one now). */
export const listFailedWebhooks = (signal?: AbortSignal) =>
  apiFetch(`/api/admin/payments/webhooks${query({ status: "FAILED" })}`, { schema: adminWebhookEventsSchema, signal });

export const replayWebhook = (id: string) =>
  post(`/api/admin/payments/webhooks/${segment(id)}/replay`, z.object({ id: z.string(), outcome: z.string() }));
