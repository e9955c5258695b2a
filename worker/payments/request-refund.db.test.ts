import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, openTestDb, type TestDb } from "../../test/support/db.ts";
import type { AppConfig } from "../platform/env.ts";
import { createLogger } from "../platform/logger.ts";
import { getWalletBalance } from "../wallet/index.ts";
import { completePayment } from "./book-payment.ts";
import { payments } from "./payments.schema.ts";
import { requestRefund } from "./request-refund.ts";
import { handleStripeEvent } from "./stripe/handle-stripe-event.ts";

/**
 * Stripe's refund API as far as idempotency goes: a repeated Idempotency-Key gets the first
 * refund back, a new key a new refund; amount_refunded is the sum of distinct refunds.
 */
function fakeStripe() {
  const byKey = new Map<string, { id: string; amount: number; payment_intent: string }>();
  const refunded = new Map<string, number>();
  let calls = 0;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      calls++;
      const form = new URLSearchParams(body);
      const key = String(req.headers["idempotency-key"] ?? randomUUID());
      let refund = byKey.get(key);
      if (!refund) {
        const pi = form.get("payment_intent") ?? "";
        refund = { id: `re_fake_${byKey.size + 1}`, amount: Number(form.get("amount")), payment_intent: pi };
        byKey.set(key, refund);
        refunded.set(pi, (refunded.get(pi) ?? 0) + refund.amount);
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ object: "refund", status: "succeeded", currency: "usd", ...refund }));
    });
  });
  return { server, refunded, calls: () => calls };
}

let t: TestDb;
let stripe: ReturnType<typeof fakeStripe>;
let apiBase = "";
beforeAll(async () => {
  t = openTestDb(4);
  stripe = fakeStripe();
  await new Promise<void>((resolve) => stripe.server.listen(0, "127.0.0.1", resolve));
  apiBase = `http://127.0.0.1:${(stripe.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => stripe.server.close(resolve));
  await t.close();
});

async function paidByStripe() {
  const userId = await createTestUser(t.db, "refund");
  const pi = `pi_${randomUUID().replace(/-/g, "")}`;
  const [row] = await t.db
    .insert(payments)
    .values({ userId, provider: "STRIPE", amountCents: 899n, currency: "usd", credits: 500_000n })
    .returning();
  if (!row) throw new Error("payment insert returned nothing");
  await completePayment(t.db, {
    paymentId: row.id,
    amountCents: 899n,
    currency: "usd",
    details: { paymentIntentId: pi },
  });
  return { userId, paymentId: row.id, pi };
}

const deps = () => ({
  db: t.db,
  logger: createLogger({ test: "request-refund" }),
  // Only what the live Stripe provider reads; the rest of the config plays no part here.
  config: { ENVIRONMENT: "test", STRIPE_SECRET_KEY: "sk_test_fake", STRIPE_API_BASE: apiBase } as AppConfig,
  appUrl: "http://127.0.0.1:8787",
});

/** Stripe's charge.refunded for the PaymentIntent's refunds so far. */
async function chargeRefunded(p: { paymentId: string; pi: string }) {
  await handleStripeEvent(t.db, {
    id: `evt_${randomUUID()}`,
    type: "charge.refunded",
    data: {
      object: {
        id: "ch_x",
        object: "charge",
        amount: 899,
        amount_refunded: stripe.refunded.get(p.pi) ?? 0,
        currency: "usd",
        payment_intent: p.pi,
        metadata: { paymentId: p.paymentId },
      },
    },
  });
}

describe("requestRefund idempotency", () => {
  it("two keys for the same amount before any webhook are two refunds, and both are booked", async () => {
    const p = await paidByStripe();
    const ask = (key: string) =>
      requestRefund(t.db, { paymentId: p.paymentId, amountCents: 100, idempotencyKey: key, actorId: p.userId }, deps());
    const first = await ask("admin-click-1");
    const second = await ask("admin-click-2");
    expect(second.refundId).not.toBe(first.refundId);
    expect(stripe.refunded.get(p.pi)).toBe(200);
    await chargeRefunded(p);
    const [after] = await t.db.select().from(payments).where(eq(payments.id, p.paymentId));
    expect(after?.refundedCents).toBe(200n);
    // ⌊500 000 · 200 / 899⌋ = 111 234 millicredits taken back.
    expect((await getWalletBalance(t.db, p.userId)).balance).toBe(500_000n - 111_234n);
  });

  it("the same key twice is one refund, asked of the provider once", async () => {
    const p = await paidByStripe();
    const before = stripe.calls();
    const ask = () =>
      requestRefund(
        t.db,
        { paymentId: p.paymentId, amountCents: 100, idempotencyKey: "same", actorId: p.userId },
        deps(),
      );
    const first = await ask();
    const again = await ask();
    expect(again.refundId).toBe(first.refundId);
    expect(stripe.calls() - before).toBe(1);
    expect(stripe.refunded.get(p.pi)).toBe(100);
    await chargeRefunded(p);
    expect((await getWalletBalance(t.db, p.userId)).balance).toBe(500_000n - 55_617n);
  });
});
