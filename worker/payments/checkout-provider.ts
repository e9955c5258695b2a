import type { Payment } from "./payments.schema.ts";
import type { Price } from "../prices/index.ts";

export interface CheckoutInput {
  payment: Payment;
  price: Price;
  customerEmail: string;
  successUrl: string;
  cancelUrl: string;
}

export interface CheckoutSession {
  /** The provider's id for this checkout (Stripe Checkout Session id, Coinbase checkout id). */
  providerRef: string;
  checkoutUrl: string;
}

/** One payment provider as the payments domain sees it; webhooks come back through their own route. */
export interface CheckoutProvider {
  readonly mode: "live" | "dev";
  createCheckout(input: CheckoutInput): Promise<CheckoutSession>;
  /** One refund per idempotencyKey: asking again with the same key returns the same refund. */
  refund(input: { payment: Payment; amountCents: bigint; idempotencyKey: string }): Promise<{ refundId: string }>;
}
