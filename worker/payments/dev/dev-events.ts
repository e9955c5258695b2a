import Stripe from "stripe";
import type { Payment } from "../payments.schema.ts";
import { formatCents } from "../../../contracts/money.ts";
import { signCoinbasePayload } from "../coinbase/coinbase-signature.ts";
import { stripeCrypto } from "../stripe/stripe-client.ts";

export type DevOutcome = "paid" | "failed" | "refunded";

export interface SignedDelivery {
  rawBody: string;
  headers: Record<string, string>;
}

/** The events Stripe would send for a dev checkout, signed with the dev webhook secret. */
export async function devStripeEvent(
  payment: Payment,
  outcome: DevOutcome,
  secret: string,
  refundCents = 0n,
): Promise<SignedDelivery> {
  const metadata = { paymentId: payment.id, userId: payment.userId, priceId: payment.priceId ?? "" };
  const intent = `pi_dev_${payment.id.replace(/-/g, "")}`;
  const object =
    outcome === "refunded"
      ? {
          id: `ch_dev_${payment.id.replace(/-/g, "")}`,
          object: "charge",
          amount: Number(payment.amountCents),
          amount_refunded: Number(refundCents),
          currency: payment.currency,
          payment_intent: intent,
          metadata,
        }
      : {
          id: payment.providerRef,
          object: "checkout.session",
          payment_status: outcome === "paid" ? "paid" : "unpaid",
          amount_total: Number(payment.amountCents),
          currency: payment.currency,
          client_reference_id: payment.id,
          payment_intent: intent,
          metadata,
        };
  const type =
    outcome === "paid"
      ? "checkout.session.completed"
      : outcome === "failed"
        ? "checkout.session.expired"
        : "charge.refunded";
  const rawBody = JSON.stringify({
    id: `evt_dev_${crypto.randomUUID().replace(/-/g, "")}`,
    object: "event",
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object },
  });
  const signature = await Stripe.webhooks.generateTestHeaderStringAsync({
    payload: rawBody,
    secret,
    cryptoProvider: stripeCrypto,
  });
  return { rawBody, headers: { "stripe-signature": signature } };
}

/** The events Coinbase would send for a dev checkout, signed like CDP webhooks. */
export async function devCoinbaseEvent(
  payment: Payment,
  outcome: DevOutcome,
  secret: string,
  refundCents = 0n,
): Promise<SignedDelivery> {
  const eventType =
    outcome === "paid"
      ? "checkout.payment.success"
      : outcome === "failed"
        ? "checkout.payment.expired"
        : "checkout.refund.success";
  const rawBody = JSON.stringify({
    id: crypto.randomUUID(),
    eventType,
    data: {
      id: payment.providerRef,
      status: outcome === "paid" ? "COMPLETED" : outcome === "failed" ? "EXPIRED" : "REFUNDED",
      amount: formatCents(payment.amountCents),
      currency: "USDC",
      ...(outcome === "refunded" ? { refundedAmount: formatCents(refundCents) } : {}),
      metadata: { paymentId: payment.id, userId: payment.userId },
    },
  });
  const hookId = crypto.randomUUID();
  const signed = { "content-type": "application/json", "x-hook0-id": hookId };
  const signature = await signCoinbasePayload({ rawBody, secret, headers: signed });
  return { rawBody, headers: { ...signed, "x-hook0-signature": signature } };
}
