import { z } from "zod";

export const PROVIDERS = ["stripe", "coinbase"] as const;
export const providerSchema = z.enum(PROVIDERS);
export type ProviderName = z.infer<typeof providerSchema>;

export const checkoutRequestSchema = z.object({
  priceId: z.uuid("priceId must be a price id"),
  provider: providerSchema.default("stripe"),
});
export type CheckoutRequest = z.infer<typeof checkoutRequestSchema>;

export const checkoutResponseSchema = z.object({
  checkoutUrl: z.string(),
  sessionId: z.string(),
  paymentId: z.string(),
});

/** Values of the payment_provider and payment_status enums (the tables import these). */
export const PAYMENT_PROVIDERS = ["STRIPE", "COINBASE"] as const;
export const PAYMENT_STATUSES = ["PENDING", "SUCCEEDED", "FAILED", "REFUNDED", "DISPUTED"] as const;
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];
export const WEBHOOK_EVENT_STATUSES = ["RECEIVED", "PROCESSED", "IGNORED", "FAILED"] as const;

export const paymentSchema = z.object({
  id: z.string(),
  provider: z.enum(PAYMENT_PROVIDERS),
  status: z.enum(PAYMENT_STATUSES),
  amount: z.string(),
  refundedAmount: z.string(),
  currency: z.string(),
  credits: z.string(),
  priceName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PaymentDto = z.infer<typeof paymentSchema>;

export const paymentEnvelopeSchema = z.object({ payment: paymentSchema });

/**
 * What the webhook receiver made of a delivered event (answered 2xx). A delivery still being
 * handled elsewhere (409 WEBHOOK_IN_PROGRESS) or a transient failure (503 WEBHOOK_RETRY) is
 * an error answer instead, so the provider delivers it again.
 */
export const WEBHOOK_OUTCOMES = ["processed", "ignored", "duplicate", "failed"] as const;
export const devCheckoutResultSchema = z.object({
  outcome: z.enum(WEBHOOK_OUTCOMES),
  payment: paymentSchema.nullable(),
});

export const paymentHistorySchema = z.object({ payments: z.array(paymentSchema), nextCursor: z.string().nullable() });

export const paginationQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const adminRefundSchema = z.object({
  /** Partial refund in cents; omitted = the whole remaining amount. */
  amountCents: z.number().int().min(1).optional(),
});

/**
 * The admin refund's `Idempotency-Key` header: the same key returns the same refund, a new key
 * asks for another. Required for a partial refund (two equal partial refunds are legitimate).
 */
export const REFUND_IDEMPOTENCY_KEY_MAX = 200;
export const refundIdempotencyKeySchema = z
  .string()
  .trim()
  .min(1, "Idempotency-Key must not be empty")
  .max(REFUND_IDEMPOTENCY_KEY_MAX, `Idempotency-Key must be at most ${REFUND_IDEMPOTENCY_KEY_MAX} characters`);
