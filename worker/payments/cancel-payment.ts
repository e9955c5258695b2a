import type { PaymentDto } from "../../contracts/payments.ts";
import type { Db } from "../platform/db/client.ts";
import { notFound } from "../platform/errors.ts";
import { failPayment } from "./book-payment.ts";
import { getOwnPayment, toPaymentDto } from "./list-payments.ts";

/**
 * The buyer came back through the cancel URL: a PENDING payment becomes FAILED so it stops
 * counting as pending. If the provider still completes it later, money wins: completePayment
 * books it from FAILED too.
 */
export async function cancelPayment(db: Db, options: { userId: string; paymentId: string }): Promise<PaymentDto> {
  const own = await getOwnPayment(db, options);
  if (!own) throw notFound("Payment");
  const payment = await failPayment(db, { paymentId: own.payment.id, reason: "cancelled by the buyer" });
  return toPaymentDto(payment, own.priceName);
}
