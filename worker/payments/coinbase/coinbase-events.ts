import { z } from "zod";

/** Coinbase Business checkout webhooks: the fields our handlers read, parsed from the verified body. */
export const coinbaseEventSchema = z.object({
  id: z.string().optional(),
  eventType: z.string(),
  data: z.object({
    id: z.string(),
    status: z.string().optional(),
    amount: z.string().optional(),
    currency: z.string().optional(),
    refundedAmount: z.string().optional(),
    metadata: z.record(z.string(), z.string()).nullable().optional(),
  }),
});
export type CoinbaseEvent = z.infer<typeof coinbaseEventSchema>;

export const COINBASE_EVENT_TYPES = [
  "checkout.payment.success",
  "checkout.payment.failed",
  "checkout.payment.expired",
  "checkout.refund.success",
] as const;
export type CoinbaseEventType = (typeof COINBASE_EVENT_TYPES)[number];
export const isAllowedCoinbaseEvent = (t: string): t is CoinbaseEventType =>
  (COINBASE_EVENT_TYPES as readonly string[]).includes(t);

/** "15.99" → 1599n; refuses anything that is not a plain decimal with at most two places. */
export function decimalToCents(amount: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) throw new Error(`not a currency amount: ${amount}`);
  return BigInt(m[1] ?? "0") * 100n + BigInt((m[2] ?? "").padEnd(2, "0"));
}
