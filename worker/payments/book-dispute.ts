import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../platform/db/client.ts";
import { creditWallet, getLedgerEntryByReference, refundWallet, sumRefundedForPayment } from "../wallet/index.ts";
import { clawBack, deposited, lockPayment, settledStatus } from "./book-payment.ts";
import { type Payment, payments } from "./payments.schema.ts";

/**
 * Chargebacks. A dispute takes the payment's credits back like a refund (the bank has already
 * pulled the money); winning it gives them back, losing it leaves them taken. The state lives
 * on the payment (metadata.dispute, one dispute per charge) under the payment row lock, and
 * every booking has its own ledger key, so replays and any delivery order book once:
 *
 * - clawback: `payment:<id>:dispute:<disputeId>` (REFUND entries, reference `dispute:<disputeId>`)
 * - re-credit on a win: `payment:<id>:dispute:<disputeId>:won`
 */

const disputeStateSchema = z.object({
  id: z.string(),
  status: z.enum(["open", "won", "lost"]),
  amountCents: z.string().regex(/^\d+$/),
});
export type DisputeState = z.infer<typeof disputeStateSchema>;

const disputeOf = (p: Payment): DisputeState | undefined => {
  const parsed = disputeStateSchema.safeParse(p.metadata.dispute);
  return parsed.success ? parsed.data : undefined;
};

/** The dispute that holds the payment's credits right now (open or lost), if any. */
export const activeDispute = (p: Payment): DisputeState | undefined => {
  const d = disputeOf(p);
  return d && d.status !== "won" ? d : undefined;
};

const clawbackReference = (disputeId: string) => `dispute:${disputeId}`;

/**
 * Takes back the disputed share of the credits, on top of what refunds already took back. The
 * debit is unconditional like a refund's: spent credits take the wallet below zero (clawback).
 * Its entries carry no `paymentId`, so refunds' proportional arithmetic never counts them.
 */
export async function clawBackDispute(tx: Tx, p: Payment, dispute: DisputeState): Promise<void> {
  // Rounded on the total taken back (refunds + dispute), so refund and dispute together
  // never leave a stray millicredit behind.
  const cents = p.refundedCents + BigInt(dispute.amountCents);
  const target = cents >= p.amountCents ? p.credits : (p.credits * cents) / p.amountCents;
  const amount = target - (await sumRefundedForPayment(tx, { userId: p.userId, paymentId: p.id }));
  if (amount <= 0n) return;
  await refundWallet(tx, {
    userId: p.userId,
    provider: p.provider,
    amount,
    refundId: clawbackReference(dispute.id),
    idempotencyKey: `payment:${p.id}:dispute:${dispute.id}`,
    metadata: { disputedPaymentId: p.id, disputeId: dispute.id },
  });
}

async function saveDispute(tx: Tx, p: Payment, dispute: DisputeState, status: Payment["status"]): Promise<Payment> {
  const [updated] = await tx
    .update(payments)
    .set({ status, metadata: { ...p.metadata, dispute } })
    .where(eq(payments.id, p.id))
    .returning();
  if (!updated) throw new Error(`dispute: payment ${p.id} vanished under lock`);
  return updated;
}

/** charge.dispute.created: DISPUTED and the credits clawed back (once), unless it was already won. */
export async function openDispute(
  db: Db,
  options: { paymentId: string; disputeId: string; amountCents: bigint },
): Promise<Payment> {
  return db.transaction(async (tx) => {
    const p = await lockPayment(tx, options.paymentId);
    const known = disputeOf(p);
    // Closed before it was opened (out of order): the outcome already stands.
    if (known?.id === options.disputeId && known.status !== "open") return p;
    const dispute: DisputeState = {
      id: options.disputeId,
      status: "open",
      amountCents: options.amountCents.toString(),
    };
    const updated = await saveDispute(tx, p, dispute, deposited(p) ? "DISPUTED" : p.status);
    // Before the deposit only the dispute is recorded; completePayment claws back after it.
    if (deposited(updated)) await clawBackDispute(tx, updated, dispute);
    return updated;
  });
}

/**
 * charge.dispute.closed: `won` (or an inquiry closed without a chargeback) gives back what the
 * dispute took and then books any refund recorded meanwhile; `lost` keeps the credits taken,
 * clawing them back now if the closing event came first.
 */
export async function closeDispute(
  db: Db,
  options: { paymentId: string; disputeId: string; amountCents: bigint; won: boolean },
): Promise<Payment> {
  return db.transaction(async (tx) => {
    const p = await lockPayment(tx, options.paymentId);
    const known = disputeOf(p);
    const status = options.won ? "won" : "lost";
    if (known?.id === options.disputeId && known.status === status) return p;
    const dispute: DisputeState = {
      id: options.disputeId,
      status,
      amountCents: known?.id === options.disputeId ? known.amountCents : options.amountCents.toString(),
    };
    if (!options.won) {
      const updated = await saveDispute(tx, p, dispute, deposited(p) ? "DISPUTED" : p.status);
      if (deposited(updated)) await clawBackDispute(tx, updated, dispute);
      return updated;
    }
    const updated = await saveDispute(tx, p, dispute, deposited(p) ? settledStatus(p) : p.status);
    const taken = await getLedgerEntryByReference(tx, "REFUND", clawbackReference(options.disputeId));
    if (taken && taken.amount < 0n) {
      await creditWallet(tx, {
        userId: p.userId,
        provider: p.provider,
        amount: -taken.amount,
        paymentId: p.id,
        idempotencyKey: `payment:${p.id}:dispute:${options.disputeId}:won`,
        metadata: { disputeId: options.disputeId, disputeWon: true },
      });
    }
    if (deposited(updated) && updated.refundedCents > 0n) await clawBack(tx, updated);
    return updated;
  });
}
