import { eq } from "drizzle-orm";
import type { Db, Tx } from "../platform/db/client.ts";
import { type Payment, payments } from "./payments.schema.ts";
import { AppError } from "../platform/errors.ts";
import { formatCents, formatCredits } from "../../contracts/money.ts";
import { createNotifications } from "../notifications/index.ts";
import { creditWallet, refundWallet, sumRefundedForPayment } from "../wallet/index.ts";
import { activeDispute, clawBackDispute } from "./book-dispute.ts";

/**
 * Payment state changes driven by verified webhooks. Each runs in one transaction holding
 * the payment row lock, so concurrent or replayed events for one payment serialize; the
 * ledger's idempotency keys make every booking happen once whatever the delivery order.
 */

export async function lockPayment(tx: Tx, paymentId: string): Promise<Payment> {
  const [p] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for("update");
  if (!p) throw new AppError("PAYMENT_NOT_FOUND", 404, `Payment ${paymentId} not found`);
  return p;
}

export const deposited = (p: Payment) => p.status === "SUCCEEDED" || p.status === "REFUNDED" || p.status === "DISPUTED";

/** Money arrived: deposit the credits (once), then apply any refund that arrived first. */
export async function completePayment(
  db: Db,
  options: { paymentId: string; amountCents: bigint; currency: string; details?: Record<string, unknown> },
): Promise<Payment> {
  return db.transaction(async (tx) => {
    const p = await lockPayment(tx, options.paymentId);
    if (options.amountCents !== p.amountCents || options.currency.toLowerCase() !== p.currency.toLowerCase()) {
      throw new AppError(
        "PAYMENT_MISMATCH",
        422,
        `Paid ${options.amountCents} ${options.currency}, expected ${p.amountCents} ${p.currency}`,
      );
    }
    if (deposited(p)) return p;
    await creditWallet(tx, {
      userId: p.userId,
      provider: p.provider,
      amount: p.credits,
      paymentId: p.id,
      metadata: { amountCents: p.amountCents.toString(), currency: p.currency },
    });
    const dispute = activeDispute(p);
    const [updated] = await tx
      .update(payments)
      .set({
        status: dispute ? "DISPUTED" : settledStatus(p),
        metadata: { ...p.metadata, ...options.details },
      })
      .where(eq(payments.id, p.id))
      .returning();
    if (!updated) throw new Error(`completePayment: payment ${p.id} vanished under lock`);
    // Booked with the deposit, once: the payment id names the event.
    await createNotifications(tx, [
      {
        userId: p.userId,
        type: "PAYMENT_SUCCESS",
        title: `${formatCredits(p.credits)} credits added`,
        body: `Your payment of ${formatCents(p.amountCents)} ${p.currency.toUpperCase()} went through.`,
        link: "/dashboard/wallet",
        metadata: { paymentId: p.id, credits: p.credits.toString() },
        dedupeKey: `payment:${p.id}`,
      },
    ]);
    if (dispute) await clawBackDispute(tx, updated, dispute);
    else if (updated.refundedCents > 0n) await clawBack(tx, updated);
    return updated;
  });
}

/** Checkout failed or expired. A late failure never undoes a payment that succeeded. */
export async function failPayment(db: Db, options: { paymentId: string; reason: string }): Promise<Payment> {
  return db.transaction(async (tx) => {
    const p = await lockPayment(tx, options.paymentId);
    if (p.status !== "PENDING") return p;
    const [updated] = await tx
      .update(payments)
      .set({ status: "FAILED", metadata: { ...p.metadata, failureReason: options.reason } })
      .where(eq(payments.id, p.id))
      .returning();
    return updated ?? p;
  });
}

/**
 * The provider refunded refundedCentsTotal in all (cumulative, as Stripe's amount_refunded).
 * Credits are taken back in proportion; before the deposit the refund is only recorded and
 * completePayment books it right after the deposit.
 */
export async function applyRefund(
  db: Db,
  options: { paymentId: string; refundedCentsTotal: bigint; details?: Record<string, unknown> },
): Promise<Payment> {
  return db.transaction(async (tx) => {
    const p = await lockPayment(tx, options.paymentId);
    const total = options.refundedCentsTotal > p.amountCents ? p.amountCents : options.refundedCentsTotal;
    if (total <= p.refundedCents) return p;
    const [updated] = await tx
      .update(payments)
      .set({
        refundedCents: total,
        status: deposited(p) && p.status !== "DISPUTED" ? "REFUNDED" : p.status,
        metadata: { ...p.metadata, ...options.details },
      })
      .where(eq(payments.id, p.id))
      .returning();
    if (!updated) throw new Error(`applyRefund: payment ${p.id} vanished under lock`);
    // While a chargeback holds the credits the refund is only recorded; a won dispute books it.
    if (deposited(updated) && !activeDispute(updated)) await clawBack(tx, updated);
    return updated;
  });
}

/** What a payment settles to when no chargeback holds it. */
export const settledStatus = (p: Payment) => (p.refundedCents > 0n ? "REFUNDED" : "SUCCEEDED");

/** Takes back credits for the refunded share not yet taken back. */
export async function clawBack(tx: Tx, p: Payment): Promise<void> {
  const target = (p.credits * p.refundedCents) / p.amountCents;
  const delta = target - (await sumRefundedForPayment(tx, { userId: p.userId, paymentId: p.id }));
  if (delta <= 0n) return;
  await refundWallet(tx, {
    userId: p.userId,
    provider: p.provider,
    amount: delta,
    refundId: `${p.id}:${p.refundedCents}`,
    paymentId: p.id,
    idempotencyKey: `payment:${p.id}:refunded-to:${p.refundedCents}`,
    metadata: { refundedCents: p.refundedCents.toString() },
  });
}
