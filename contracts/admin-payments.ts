import { z } from "zod";
import { PAYMENT_PROVIDERS, PAYMENT_STATUSES, WEBHOOK_EVENT_STATUSES } from "./payments.ts";

const day = (name: string) => z.iso.date(`${name} must be a date like 2026-12-01`);

export const REVENUE_GROUPS = ["day", "week", "month"] as const;
export type RevenueGroup = (typeof REVENUE_GROUPS)[number];

/** GET /api/admin/analytics/revenue: UTC days, both included (the last 30 days by default). */
export const revenueQuerySchema = z.object({
  startDate: day("startDate").optional(),
  endDate: day("endDate").optional(),
  groupBy: z.enum(REVENUE_GROUPS).default("day"),
});
export type RevenueQuery = z.infer<typeof revenueQuerySchema>;

/** Money in the payment's currency, as a decimal string ("15.99"). */
const providerAmounts = z.object({ STRIPE: z.string(), COINBASE: z.string() });

const revenueFigures = z.object({
  /** What completed payments (succeeded, later refunded or disputed too) charged. */
  gross: z.string(),
  /** What was refunded of them. */
  refunded: z.string(),
  /** gross − refunded. */
  net: z.string(),
  payments: z.number().int().nonnegative(),
});

export const revenueReportSchema = z.object({
  range: z.object({ start: z.iso.date(), end: z.iso.date() }),
  groupBy: z.enum(REVENUE_GROUPS),
  totals: revenueFigures,
  providers: z.array(revenueFigures.extend({ provider: z.enum(PAYMENT_PROVIDERS) })),
  /** One row per day, ISO week (Monday) or month of the range, zeros included; `period` is its first day. */
  buckets: z.array(
    z.object({ period: z.iso.date(), gross: z.string(), byProvider: providerAmounts, payments: z.number() }),
  ),
});
export type RevenueReport = z.infer<typeof revenueReportSchema>;

export const ADMIN_PAYMENT_KINDS = ["failed", "refunds", "disputes"] as const;
export type AdminPaymentKind = (typeof ADMIN_PAYMENT_KINDS)[number];

/** GET /api/admin/payments?kind=failed|refunds|disputes: the newest first, page by page. */
export const adminPaymentsQuerySchema = z.object({
  kind: z.enum(ADMIN_PAYMENT_KINDS),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type AdminPaymentsQuery = z.infer<typeof adminPaymentsQuerySchema>;

export const adminPaymentRowSchema = z.object({
  id: z.string(),
  user: z.object({ id: z.string(), email: z.string().nullable() }),
  provider: z.enum(PAYMENT_PROVIDERS),
  status: z.enum(PAYMENT_STATUSES),
  amount: z.string(),
  refundedAmount: z.string(),
  currency: z.string(),
  credits: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminPaymentRow = z.infer<typeof adminPaymentRowSchema>;

export const adminPaymentPageSchema = z.object({
  payments: z.array(adminPaymentRowSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  limit: z.number().int().positive(),
});

/** GET /api/admin/payments/webhooks (existing endpoint), as the page reads it. */
export const adminWebhookEventSchema = z.object({
  id: z.string(),
  provider: z.string(),
  eventId: z.string(),
  type: z.string(),
  status: z.enum(WEBHOOK_EVENT_STATUSES),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  error: z.string().nullable(),
  receivedAt: z.string(),
});
export const adminWebhookEventsSchema = z.object({ events: z.array(adminWebhookEventSchema) });
export type AdminWebhookEvent = z.infer<typeof adminWebhookEventSchema>;
