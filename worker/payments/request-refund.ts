import { eq } from "drizzle-orm";
import type { PaymentDto } from "../../contracts/payments.ts";
import { writeAuditLog } from "../platform/audit/write-audit-log.ts";
import type { Db } from "../platform/db/client.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { toPaymentDto } from "./list-payments.ts";
import { payments } from "./payments.schema.ts";
import { checkoutProviderFor, type PaymentDeps } from "./providers.ts";

/**
 * An admin asks the provider to refund (part of) a payment. The provider's webhook books the
 * refund; this only checks what may still be refunded, asks, and audits the request.
 */
export async function requestRefund(
  db: Db,
  input: { paymentId: string; amountCents?: number | undefined; actorId: string },
  deps: PaymentDeps,
): Promise<{ refundId: string; requestedCents: number; payment: PaymentDto | null }> {
  const [payment] = await db.select().from(payments).where(eq(payments.id, input.paymentId));
  if (!payment) throw notFound("Payment");
  if (payment.status !== "SUCCEEDED" && payment.status !== "REFUNDED") {
    throw new AppError("NOT_REFUNDABLE", 409, `A ${payment.status} payment cannot be refunded`);
  }
  const remaining = payment.amountCents - payment.refundedCents;
  const amountCents = BigInt(input.amountCents ?? remaining);
  if (remaining <= 0n) throw new AppError("NOT_REFUNDABLE", 409, "This payment is fully refunded");
  if (amountCents > remaining)
    throw new AppError("REFUND_TOO_LARGE", 400, `At most ${remaining} cents can be refunded`);
  const { refundId } = await checkoutProviderFor(payment.provider, deps).refund({ payment, amountCents });
  await writeAuditLog(db, {
    actorId: input.actorId,
    action: "payment.refund_requested",
    targetType: "PAYMENT",
    targetId: payment.id,
    metadata: { amountCents: amountCents.toString(), refundId },
  });
  const [after] = await db.select().from(payments).where(eq(payments.id, input.paymentId));
  return { refundId, requestedCents: Number(amountCents), payment: after ? toPaymentDto(after, null) : null };
}
