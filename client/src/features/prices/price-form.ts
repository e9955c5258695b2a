import { z } from "zod";
import { formatCents } from "@contracts/money.ts";
import { createPriceSchema, updatePriceSchema, type PriceDto } from "@contracts/prices.ts";
import { parseDollarsToCents } from "../../lib/money.ts";

/** The admin's price form as typed: every field a string; the price in dollars ("12.34"). */
export interface PriceFormValues extends Record<string, string> {
  productCode: string;
  name: string;
  credits: string;
  /** Named after the API field it becomes, so the API's errors land on this input. */
  amountCents: string;
  currency: string;
  active: "true" | "false";
}

export const emptyPriceForm: PriceFormValues = {
  productCode: "",
  name: "",
  credits: "",
  amountCents: "",
  currency: "usd",
  active: "true",
};

export function priceFormValues(price: PriceDto): PriceFormValues {
  return {
    productCode: price.productCode,
    name: price.name,
    credits: String(price.credits),
    amountCents: formatCents(price.amountCents),
    currency: price.currency,
    active: price.active ? "true" : "false",
  };
}

/** Whole credits, "1,000" tolerated. */
function parseWholeNumber(value: string): number | null {
  const digits = value.trim().replace(/,/g, "");
  return /^\d{1,9}$/.test(digits) ? Number(digits) : null;
}

const creditsField = z.string().transform((value, ctx) => {
  const credits = parseWholeNumber(value);
  if (credits === null) {
    ctx.addIssue({ code: "custom", message: "Enter a whole number of credits" });
    return z.NEVER;
  }
  return credits;
});

const dollarsField = z.string().transform((value, ctx) => {
  const cents = parseDollarsToCents(value);
  if (cents === null) {
    ctx.addIssue({ code: "custom", message: "Enter a price like 12.34" });
    return z.NEVER;
  }
  return cents;
});

/**
 * Hands a value to one of the Worker's schemas from inside a transform, reporting its issues at
 * their own paths. (A `.pipe()` would need the form's output type to match the schema's input
 * exactly, defaults included.)
 */
function parseWith<S extends z.ZodType>(schema: S) {
  return (value: unknown, ctx: z.RefinementCtx): z.output<S> => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  };
}

/** Turns the strings into the API's types, then validates with the Worker's own createPriceSchema. */
export const createPriceFormSchema = z
  .object({
    productCode: z.string(),
    name: z.string(),
    credits: creditsField,
    amountCents: dollarsField,
    currency: z.string(),
    active: z.enum(["true", "false"]).transform((value) => value === "true"),
  })
  .transform(parseWith(createPriceSchema));

/**
 * The edit form sends what changed, and refuses a form with no change. `active` is toggled from
 * the table, not here.
 *
 * It also always sends the current `currency` and `active`: the Worker's updatePriceSchema
 * (`.partial()` of a schema with `.default()`s) fills in currency "usd" and active true for
 * missing keys, so a bare `{ amountCents }` would re-activate a hidden package.
 */
export function editPriceFormSchema(original: PriceDto) {
  return z
    .object({ name: z.string(), credits: creditsField, amountCents: dollarsField, currency: z.string() })
    .transform((values, ctx) => {
      const changes: { name?: string; credits?: number; amountCents?: number; currency?: string } = {};
      if (values.name.trim() !== original.name) changes.name = values.name;
      if (values.credits !== original.credits) changes.credits = values.credits;
      if (values.amountCents !== original.amountCents) changes.amountCents = values.amountCents;
      if (values.currency.trim().toLowerCase() !== original.currency) changes.currency = values.currency;
      if (Object.keys(changes).length === 0) {
        ctx.addIssue({ code: "custom", message: "Nothing to change", path: [] });
        return z.NEVER;
      }
      return { currency: original.currency, active: original.active, ...changes };
    })
    .transform(parseWith(updatePriceSchema));
}

/** The body that flips a package's visibility (currency pinned for the same reason as above). */
export function toggleActiveBody(price: PriceDto) {
  return updatePriceSchema.parse({ active: !price.active, currency: price.currency });
}

export const PREVIEW_PRICE_ID = "preview";

/** The package as buyers would see it, while the admin types; null until credits and price parse. */
export function previewPrice(values: PriceFormValues): PriceDto | null {
  const credits = parseWholeNumber(values.credits);
  const amountCents = parseDollarsToCents(values.amountCents);
  if (credits === null || credits < 1 || amountCents === null || amountCents < 1) return null;
  const currency = values.currency.trim().toLowerCase();
  return {
    id: PREVIEW_PRICE_ID,
    productCode: values.productCode.trim(),
    name: values.name.trim() || "Untitled package",
    credits,
    amountCents,
    amount: formatCents(amountCents),
    currency: /^[a-z]{3}$/.test(currency) ? currency : "usd",
    active: values.active === "true",
  };
}
