import { z } from "zod";

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
