import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { applyRefund, completePayment, failPayment } from "../book-payment.ts";
import { findPaymentByIntent, findPaymentForProvider } from "../find-payment.ts";
import { chargeDisputeClosed } from "./charge-dispute-closed.ts";
import { chargeDisputeCreated } from "./charge-dispute-created.ts";
import {
  stripeChargeSchema,
  type StripeEventEnvelope,
  type StripeEventType,
  type StripeSession,
  stripeSessionSchema,
} from "./stripe-events.ts";

const intentId = (v: string | { id: string } | null | undefined) => (typeof v === "string" ? v : v?.id);

async function paymentForSession(db: Db, session: StripeSession) {
  const paymentId = session.metadata?.paymentId ?? session.client_reference_id ?? undefined;
  return findPaymentForProvider(db, { provider: "STRIPE", paymentId, providerRef: session.id });
}

async function sessionPaid(db: Db, object: unknown): Promise<void> {
  const session = stripeSessionSchema.parse(object);
  if (session.payment_status !== "paid" && session.payment_status !== "no_payment_required") return; // async: wait
  const payment = await paymentForSession(db, session);
  await completePayment(db, {
    paymentId: payment.id,
    amountCents: BigInt(session.amount_total ?? -1),
    currency: session.currency ?? "",
    details: { stripeSessionId: session.id, paymentIntentId: intentId(session.payment_intent) ?? null },
  });
}

async function sessionFailed(db: Db, object: unknown, reason: string): Promise<void> {
  const session = stripeSessionSchema.parse(object);
  const payment = await paymentForSession(db, session);
  await failPayment(db, { paymentId: payment.id, reason });
}

async function chargeRefunded(db: Db, object: unknown): Promise<void> {
  const charge = stripeChargeSchema.parse(object);
  const pi = intentId(charge.payment_intent);
  const payment = charge.metadata?.paymentId
    ? await findPaymentForProvider(db, { provider: "STRIPE", paymentId: charge.metadata.paymentId })
    : pi
      ? await findPaymentByIntent(db, pi)
      : undefined;
  if (!payment) throw new AppError("PAYMENT_NOT_FOUND", 404, `No payment for charge ${charge.id}`);
  await applyRefund(db, {
    paymentId: payment.id,
    refundedCentsTotal: BigInt(charge.amount_refunded),
    details: { lastRefundChargeId: charge.id, ...(pi ? { paymentIntentId: pi } : {}) },
  });
}

/** One handler per allowed event type. */
export function handleStripeEvent(db: Db, event: StripeEventEnvelope & { type: StripeEventType }): Promise<void> {
  const object = event.data.object;
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
      return sessionPaid(db, object);
    case "checkout.session.async_payment_failed":
      return sessionFailed(db, object, "async payment failed");
    case "checkout.session.expired":
      return sessionFailed(db, object, "checkout expired");
    case "charge.refunded":
      return chargeRefunded(db, object);
    case "charge.dispute.created":
      return chargeDisputeCreated(db, object);
    case "charge.dispute.closed":
      return chargeDisputeClosed(db, object);
  }
}
