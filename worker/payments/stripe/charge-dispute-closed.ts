import type { Db } from "../../platform/db/client.ts";
import { closeDispute } from "../book-dispute.ts";
import { paymentForDispute } from "./charge-dispute-created.ts";
import { stripeDisputeSchema } from "./stripe-events.ts";

/** Closed in our favour: `won`, or an inquiry (`warning_closed`) that never became a chargeback. */
const WON = new Set(["won", "warning_closed"]);

/** charge.dispute.closed: a win gives the credits back, a loss keeps them taken. */
export async function chargeDisputeClosed(db: Db, object: unknown): Promise<void> {
  const dispute = stripeDisputeSchema.parse(object);
  const payment = await paymentForDispute(db, dispute);
  await closeDispute(db, {
    paymentId: payment.id,
    disputeId: dispute.id,
    amountCents: BigInt(dispute.amount),
    won: WON.has(dispute.status),
  });
}
