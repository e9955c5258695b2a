import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, openTestDb, type TestDb } from "../../test/support/db.ts";
import { checkLedgerInvariants, debitWallet, getLedgerEntryByReference, getWalletBalance } from "../wallet/index.ts";
import { completePayment } from "./book-payment.ts";
import { payments } from "./payments.schema.ts";
import { handleStripeEvent } from "./stripe/handle-stripe-event.ts";
import { isAllowedStripeEvent } from "./stripe/stripe-events.ts";

let t: TestDb;
beforeAll(() => {
  t = openTestDb(4);
});
afterAll(() => t.close());

/** A user who bought 500 credits for $8.99 by Stripe: payment SUCCEEDED, deposit booked. */
async function boughtPayment() {
  const userId = await createTestUser(t.db, "dispute");
  const pi = `pi_${randomUUID().replace(/-/g, "")}`;
  const [row] = await t.db
    .insert(payments)
    .values({
      userId,
      provider: "STRIPE",
      providerRef: `cs_${randomUUID()}`,
      amountCents: 899n,
      currency: "usd",
      credits: 500_000n,
    })
    .returning();
  if (!row) throw new Error("payment insert returned nothing");
  await completePayment(t.db, {
    paymentId: row.id,
    amountCents: 899n,
    currency: "usd",
    details: { paymentIntentId: pi },
  });
  return { userId, paymentId: row.id, pi, disputeId: `dp_${randomUUID().replace(/-/g, "")}` };
}

async function deliver(type: string, object: Record<string, unknown>) {
  if (!isAllowedStripeEvent(type)) throw new Error(`${type} is not on the Stripe allow-list`);
  await handleStripeEvent(t.db, { id: `evt_${randomUUID()}`, type, data: { object } });
}

const dispute = (p: { pi: string; disputeId: string }, status: string, amount = 899) => ({
  id: p.disputeId,
  object: "dispute",
  amount,
  currency: "usd",
  charge: "ch_x",
  payment_intent: p.pi,
  status,
});

const balance = async (userId: string) => (await getWalletBalance(t.db, userId)).balance;
const statusOf = async (paymentId: string) =>
  (await t.db.select().from(payments).where(eq(payments.id, paymentId)))[0]?.status;

describe("chargebacks (charge.dispute.*)", () => {
  it("buy → spend → dispute: the credits are clawed back below zero, flagged, once", async () => {
    const p = await boughtPayment();
    const spend = { userId: p.userId, referenceType: "METER_EVENT", referenceId: "watch" } as const;
    await debitWallet(t.db, { ...spend, amount: 400_000n, idempotencyKey: `spend:${p.userId}` });
    await deliver("charge.dispute.created", dispute(p, "needs_response"));
    await deliver("charge.dispute.created", dispute(p, "needs_response"));
    expect(await balance(p.userId)).toBe(-400_000n);
    expect(await statusOf(p.paymentId)).toBe("DISPUTED");
    expect(await getLedgerEntryByReference(t.db, "REFUND", `dispute:${p.disputeId}`)).toMatchObject({
      type: "REFUND",
      amount: -500_000n,
      clawback: true,
    });
    // The negative balance blocks spending.
    const more = await debitWallet(t.db, { ...spend, amount: 1n, idempotencyKey: `spend2:${p.userId}` });
    expect(more.status).toBe("insufficient_funds");
    await deliver("charge.dispute.closed", dispute(p, "lost"));
    expect(await balance(p.userId)).toBe(-400_000n);
    expect(await statusOf(p.paymentId)).toBe("DISPUTED");
  });

  it("a won dispute gives the credits back once, however often it is delivered", async () => {
    const p = await boughtPayment();
    await deliver("charge.dispute.created", dispute(p, "needs_response"));
    expect(await balance(p.userId)).toBe(0n);
    await deliver("charge.dispute.closed", dispute(p, "won"));
    await deliver("charge.dispute.closed", dispute(p, "won"));
    await deliver("charge.dispute.created", dispute(p, "needs_response"));
    expect(await balance(p.userId)).toBe(500_000n);
    expect(await statusOf(p.paymentId)).toBe("SUCCEEDED");
  });

  it("out of order: won before created books nothing; lost before created claws back once", async () => {
    const won = await boughtPayment();
    await deliver("charge.dispute.closed", dispute(won, "won"));
    await deliver("charge.dispute.created", dispute(won, "needs_response"));
    expect(await balance(won.userId)).toBe(500_000n);
    expect(await statusOf(won.paymentId)).toBe("SUCCEEDED");

    const lost = await boughtPayment();
    await deliver("charge.dispute.closed", dispute(lost, "lost"));
    await deliver("charge.dispute.created", dispute(lost, "needs_response"));
    await deliver("charge.dispute.closed", dispute(lost, "lost"));
    expect(await balance(lost.userId)).toBe(0n);
    expect(await statusOf(lost.paymentId)).toBe("DISPUTED");
  });

  it("a dispute after a partial refund takes back only what the refund left", async () => {
    const p = await boughtPayment();
    await deliver("charge.refunded", {
      id: "ch_x",
      object: "charge",
      amount: 899,
      amount_refunded: 449,
      currency: "usd",
      payment_intent: p.pi,
      metadata: { paymentId: p.paymentId },
    });
    expect(await balance(p.userId)).toBe(250_279n);
    await deliver("charge.dispute.created", dispute(p, "needs_response", 450));
    expect(await balance(p.userId)).toBe(0n);
    await deliver("charge.dispute.closed", dispute(p, "won", 450));
    expect(await balance(p.userId)).toBe(250_279n);
    expect(await statusOf(p.paymentId)).toBe("REFUNDED");
    expect(await checkLedgerInvariants(t.db)).toEqual([]);
  });
});
