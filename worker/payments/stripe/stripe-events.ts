import { z } from "zod";

/** Only the fields our handlers read, parsed (never cast) from the verified event. */
export const stripeSessionSchema = z.object({
  id: z.string(),
  object: z.literal("checkout.session"),
  payment_status: z.string(),
  amount_total: z.number().int().nullable(),
  currency: z.string().nullable(),
  client_reference_id: z.string().nullable().optional(),
  payment_intent: z
    .union([z.string(), z.object({ id: z.string() })])
    .nullable()
    .optional(),
  metadata: z.record(z.string(), z.string()).nullable().optional(),
});
export type StripeSession = z.infer<typeof stripeSessionSchema>;

export const stripeChargeSchema = z.object({
  id: z.string(),
  object: z.literal("charge"),
  amount: z.number().int(),
  amount_refunded: z.number().int(),
  currency: z.string(),
  payment_intent: z
    .union([z.string(), z.object({ id: z.string() })])
    .nullable()
    .optional(),
  metadata: z.record(z.string(), z.string()).nullable().optional(),
});
export type StripeCharge = z.infer<typeof stripeChargeSchema>;

export const stripeDisputeSchema = z.object({
  id: z.string(),
  object: z.literal("dispute"),
  amount: z.number().int(),
  currency: z.string(),
  charge: z.union([z.string(), z.object({ id: z.string() })]),
  payment_intent: z
    .union([z.string(), z.object({ id: z.string() })])
    .nullable()
    .optional(),
  /** won, lost, warning_closed (an inquiry that never became a chargeback), or an open state. */
  status: z.string(),
});
export type StripeDispute = z.infer<typeof stripeDisputeSchema>;

export const stripeEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});
export type StripeEventEnvelope = z.infer<typeof stripeEventSchema>;

export const STRIPE_EVENT_TYPES = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
  "charge.refunded",
  "charge.dispute.created",
  "charge.dispute.closed",
] as const;
export type StripeEventType = (typeof STRIPE_EVENT_TYPES)[number];
export const isAllowedStripeEvent = (t: string): t is StripeEventType =>
  (STRIPE_EVENT_TYPES as readonly string[]).includes(t);
