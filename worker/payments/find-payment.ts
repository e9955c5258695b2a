import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { type Payment, type PaymentProvider, payments } from "./payments.schema.ts";
import { AppError } from "../platform/errors.ts";

/**
 * Finds the payment a provider event is about, by our id from the metadata and/or the
 * provider's checkout id, and checks the two agree: a payload is trusted for ids only.
 */
export async function findPaymentForProvider(
  db: DbOrTx,
  options: { provider: PaymentProvider; paymentId?: string | undefined; providerRef?: string | undefined },
): Promise<Payment> {
  const byId = options.paymentId && /^[0-9a-f-]{36}$/i.test(options.paymentId) ? options.paymentId : undefined;
  const where = byId
    ? eq(payments.id, byId)
    : options.providerRef
      ? eq(payments.providerRef, options.providerRef)
      : undefined;
  if (!where) throw new AppError("PAYMENT_NOT_FOUND", 404, "The event names no payment");
  const [p] = await db
    .select()
    .from(payments)
    .where(and(where, eq(payments.provider, options.provider)));
  if (!p) throw new AppError("PAYMENT_NOT_FOUND", 404, "No payment matches the event");
  if (options.providerRef && p.providerRef && p.providerRef !== options.providerRef) {
    throw new AppError("PAYMENT_MISMATCH", 422, `Event checkout ${options.providerRef} is not payment ${p.id}'s`);
  }
  return p;
}

export async function findPaymentByIntent(db: DbOrTx, paymentIntentId: string): Promise<Payment | undefined> {
  const [p] = await db
    .select()
    .from(payments)
    .where(sql`${payments.metadata}->>'paymentIntentId' = ${paymentIntentId}`);
  return p;
}
