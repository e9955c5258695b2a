import { and, eq } from "drizzle-orm";
import type { PaymentDto } from "../../contracts/payments.ts";
import { writeAuditLog } from "../platform/audit/write-audit-log.ts";
import type { Db } from "../platform/db/client.ts";
import { AppError, badRequest, notFound } from "../platform/errors.ts";
import { toPaymentDto } from "./list-payments.ts";
import { type Payment, type PaymentRefund, paymentRefunds, payments } from "./payments.schema.ts";
import { checkoutProviderFor, type PaymentDeps } from "./providers.ts";

type RefundRequest = { refundId: string; requestedCents: number; payment: PaymentDto | null };

/**
 * An admin asks the provider to refund (part of) a payment. The provider's webhook books the
 * refund; this checks what may still be refunded, asks, and audits the request.
 *
 * Each request is keyed by the admin's Idempotency-Key (stored in payment_refund and passed to
 * the provider): the same key returns the same refund, a new key asks for another, so two
 * equal partial refunds are two refunds even before either webhook arrives. A partial refund
 * needs a key; a full one without a key is keyed by what was refunded so far.
 */
export async function requestRefund(
  db: Db,
  input: { paymentId: string; amountCents?: number | undefined; idempotencyKey?: string | undefined; actorId: string },
  deps: PaymentDeps,
): Promise<RefundRequest> {
  const [payment] = await db.select().from(payments).where(eq(payments.id, input.paymentId));
  if (!payment) throw notFound("Payment");
  if (input.amountCents !== undefined && !input.idempotencyKey) {
    throw badRequest("VALIDATION_FAILED", "A partial refund needs an Idempotency-Key header");
  }
  const key = input.idempotencyKey ?? `full:${payment.refundedCents}`;
  const known = await findRefund(db, payment.id, key);
  if (known) return replayRefund(db, payment, known, input, deps);

  if (payment.status !== "SUCCEEDED" && payment.status !== "REFUNDED") {
    throw new AppError("NOT_REFUNDABLE", 409, `A ${payment.status} payment cannot be refunded`);
  }
  const remaining = payment.amountCents - payment.refundedCents;
  const amountCents = BigInt(input.amountCents ?? remaining);
  if (remaining <= 0n) throw new AppError("NOT_REFUNDABLE", 409, "This payment is fully refunded");
  if (amountCents > remaining)
    throw new AppError("REFUND_TOO_LARGE", 400, `At most ${remaining} cents can be refunded`);

  const [row] = await db
    .insert(paymentRefunds)
    .values({ paymentId: payment.id, idempotencyKey: key, amountCents })
    .onConflictDoNothing()
    .returning();
  // Lost a race with the same key: answer as its replay.
  if (!row) {
    const raced = await findRefund(db, payment.id, key);
    if (!raced) throw new Error(`requestRefund: refund ${key} of ${payment.id} vanished`);
    return replayRefund(db, payment, raced, input, deps);
  }
  return askProvider(db, payment, row, input.actorId, deps);
}

async function findRefund(db: Db, paymentId: string, key: string): Promise<PaymentRefund | undefined> {
  const [row] = await db
    .select()
    .from(paymentRefunds)
    .where(and(eq(paymentRefunds.paymentId, paymentId), eq(paymentRefunds.idempotencyKey, key)));
  return row;
}

/** A key seen before: the same refund back, or the same question again if it got no answer. */
async function replayRefund(
  db: Db,
  payment: Payment,
  row: PaymentRefund,
  input: { amountCents?: number | undefined; actorId: string },
  deps: PaymentDeps,
): Promise<RefundRequest> {
  if (input.amountCents !== undefined && BigInt(input.amountCents) !== row.amountCents) {
    throw new AppError(
      "IDEMPOTENCY_KEY_REUSED",
      422,
      `This Idempotency-Key already asked for ${row.amountCents} cents; use a new key for another refund`,
    );
  }
  if (!row.providerRefundId) return askProvider(db, payment, row, input.actorId, deps);
  return {
    refundId: row.providerRefundId,
    requestedCents: Number(row.amountCents),
    payment: await paymentDto(db, payment.id),
  };
}

async function askProvider(
  db: Db,
  payment: Payment,
  row: PaymentRefund,
  actorId: string,
  deps: PaymentDeps,
): Promise<RefundRequest> {
  const { refundId } = await checkoutProviderFor(payment.provider, deps).refund({
    payment,
    amountCents: row.amountCents,
    idempotencyKey: row.idempotencyKey,
  });
  await db.update(paymentRefunds).set({ providerRefundId: refundId }).where(eq(paymentRefunds.id, row.id));
  await writeAuditLog(db, {
    actorId,
    action: "payment.refund_requested",
    targetType: "PAYMENT",
    targetId: payment.id,
    metadata: { amountCents: row.amountCents.toString(), refundId, idempotencyKey: row.idempotencyKey },
  });
  return { refundId, requestedCents: Number(row.amountCents), payment: await paymentDto(db, payment.id) };
}

async function paymentDto(db: Db, paymentId: string): Promise<PaymentDto | null> {
  const [after] = await db.select().from(payments).where(eq(payments.id, paymentId));
  return after ? toPaymentDto(after, null) : null;
}
