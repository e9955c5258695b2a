// The payments domain's front door: what other domains may ask about purchases.
export { countPendingPayments } from "./count-pending-payments.ts";
export { listRecentPayments, type RecentPayment } from "./list-recent-payments.ts";
export type { Payment, PaymentProvider, PaymentStatus } from "./payments.schema.ts";
export { sweepWebhookEvents, type WebhookSweep } from "./webhooks/sweep-webhook-events.ts";
