import { z } from "zod";

/** Money in minor units as a decimal string: 1599 cents → "15.99". */
export const formatCents = (cents: bigint | number): string => {
  const v = BigInt(cents);
  const sign = v < 0n ? "-" : "";
  const abs = v < 0n ? -v : v;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
};

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

export const PAYMENT_STATUSES = ["PENDING", "SUCCEEDED", "FAILED", "REFUNDED"] as const;

export const paymentSchema = z.object({
  id: z.string(),
  provider: z.enum(["STRIPE", "COINBASE"]),
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

/** What the webhook receiver made of a delivered event. */
export const WEBHOOK_OUTCOMES = ["processed", "ignored", "duplicate", "in_progress", "failed"] as const;
export const devCheckoutResultSchema = z.object({
  outcome: z.enum(WEBHOOK_OUTCOMES),
  payment: paymentSchema.nullable(),
});

export const paymentHistorySchema = z.object({ payments: z.array(paymentSchema), nextCursor: z.string().nullable() });

export const paginationQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const priceSchema = z.object({
  id: z.string(),
  productCode: z.string(),
  name: z.string(),
  credits: z.number().int(),
  amountCents: z.number().int(),
  amount: z.string(),
  currency: z.string(),
  active: z.boolean(),
});
export type PriceDto = z.infer<typeof priceSchema>;
export const priceListSchema = z.object({ prices: z.array(priceSchema) });
export const priceEnvelopeSchema = z.object({ price: priceSchema });

const priceFields = {
  productCode: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{3,64}$/, "Use 3-64 lowercase letters, digits, _ or -"),
  name: z.string().trim().min(1, "Required").max(60),
  credits: z.number().int().min(1).max(10_000_000),
  amountCents: z.number().int().min(50, "At least 0.50").max(100_000_000),
  currency: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{3}$/, "A 3-letter currency code"),
  active: z.boolean(),
};

export const createPriceSchema = z.object({
  ...priceFields,
  currency: priceFields.currency.default("usd"),
  active: priceFields.active.default(true),
});
export type CreatePriceInput = z.infer<typeof createPriceSchema>;

/** Only what is sent changes: no defaults here, or a rename would reactivate a package. */
export const updatePriceSchema = z
  .object({
    name: priceFields.name.optional(),
    credits: priceFields.credits.optional(),
    amountCents: priceFields.amountCents.optional(),
    currency: priceFields.currency.optional(),
    active: priceFields.active.optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Nothing to change");
export type UpdatePriceInput = z.infer<typeof updatePriceSchema>;

export const adminRefundSchema = z.object({
  /** Partial refund in cents; omitted = the whole remaining amount. */
  amountCents: z.number().int().min(1).optional(),
});
