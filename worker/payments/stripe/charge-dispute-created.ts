import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { openDispute } from "../book-dispute.ts";
import { findPaymentByIntent } from "../find-payment.ts";
import type { Payment } from "../payments.schema.ts";
import { type StripeDispute, stripeDisputeSchema } from "./stripe-events.ts";

/** A dispute names the charge's PaymentIntent, which completion stored on our payment. */
export async function paymentForDispute(db: Db, dispute: StripeDispute): Promise<Payment> {
  const pi = typeof dispute.payment_intent === "string" ? dispute.payment_intent : dispute.payment_intent?.id;
  const payment = pi ? await findPaymentByIntent(db, pi) : undefined;
  if (!payment || payment.provider !== "STRIPE") {
    throw new AppError("PAYMENT_NOT_FOUND", 404, `No payment for dispute ${dispute.id}`);
  }
  if (dispute.currency.toLowerCase() !== payment.currency.toLowerCase()) {
    throw new AppError("PAYMENT_MISMATCH", 422, `Dispute ${dispute.id} is in ${dispute.currency}`);
  }
  return payment;
}

/** charge.dispute.created: the credits are clawed back while the bank holds the money. */
export async function chargeDisputeCreated(db: Db, object: unknown): Promise<void> {
  const dispute = stripeDisputeSchema.parse(object);
  const payment = await paymentForDispute(db, dispute);
  await openDispute(db, { paymentId: payment.id, disputeId: dispute.id, amountCents: BigInt(dispute.amount) });
}
