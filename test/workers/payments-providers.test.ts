import { describe, expect, it } from "vitest";
import { signCoinbasePayload } from "../../worker/payments/coinbase/coinbase-signature.ts";
import { call, type ApiErrorBody } from "./support/http.ts";
import {
  balanceOf,
  COINBASE_WEBHOOK_SECRET,
  deliverStripe,
  hasStripeMock,
  liveCoinbase,
  liveStripe,
  sessionObject,
  startCheckout,
} from "./support/payments.ts";
import { Session, signUpVerified } from "./support/session.ts";

describe.skipIf(!hasStripeMock())("Stripe API through stripe-mock", () => {
  it("creates a real Checkout Session and records its id", async () => {
    const { session } = await signUpVerified("stripelive");
    const checkout = await startCheckout(session, "stripe", liveStripe());
    expect(checkout.sessionId).toMatch(/^cs_/);
    expect(checkout.sessionId).not.toMatch(/^cs_dev_/);
    expect(checkout.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    const history = await session.call<{ payments: { id: string; status: string }[] }>("/api/payments/history");
    expect(history.body.payments.find((p) => p.id === checkout.paymentId)?.status).toBe("PENDING");
  });

  it("sends an admin refund to Stripe's refund API; the webhook books it", async () => {
    const { session } = await signUpVerified("stripelive-refund");
    const checkout = await startCheckout(session, "stripe", liveStripe());
    await deliverStripe("checkout.session.completed", sessionObject(checkout));
    const admin = new Session();
    await admin.login("admin@tollgate.test");
    const res = await admin.call<{ refundId: string; payment: { status: string } }>(
      `/api/admin/payments/${checkout.paymentId}/refund`,
      {
        method: "POST",
        body: { amountCents: 300 },
        headers: { "idempotency-key": "stripe-mock-refund" },
        envOverrides: liveStripe(),
      },
    );
    expect(res.status).toBe(202);
    expect(res.body.refundId).toMatch(/^re_/);
    // Stripe books refunds by webhook; until it arrives nothing changes here.
    expect(res.body.payment.status).toBe("SUCCEEDED");
    expect(await balanceOf(session)).toBe("500.000");
  });

  it("marks the payment FAILED when Stripe refuses the checkout", async () => {
    const { session } = await signUpVerified("stripe-down");
    const price = (await call<{ prices: { id: string }[] }>("/api/prices")).body.prices[0];
    const res = await session.call<ApiErrorBody>("/api/payments/checkout", {
      method: "POST",
      body: { priceId: price?.id },
      envOverrides: { STRIPE_SECRET_KEY: "sk_test_x", STRIPE_API_BASE: "http://127.0.0.1:9" },
    });
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe("PAYMENT_PROVIDER_ERROR");
    const history = await session.call<{ payments: { status: string }[] }>("/api/payments/history");
    expect(history.body.payments[0]?.status).toBe("FAILED");
  });
});

async function postCoinbase(rawBody: string, headers: Record<string, string>) {
  return call<{ outcome?: string; error?: { code: string } }>("/api/webhooks/coinbase", {
    method: "POST",
    rawBody,
    headers,
  });
}

async function coinbaseEvent(
  eventType: string,
  data: Record<string, unknown>,
  options: { secret?: string; timestamp?: number } = {},
) {
  const rawBody = JSON.stringify({ id: crypto.randomUUID(), eventType, data });
  const signed = { "content-type": "application/json", "x-hook0-id": crypto.randomUUID() };
  const signature = await signCoinbasePayload({
    rawBody,
    secret: options.secret ?? COINBASE_WEBHOOK_SECRET,
    headers: signed,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  });
  return { rawBody, headers: { ...signed, "x-hook0-signature": signature } };
}

describe("Coinbase Business checkouts", () => {
  it("creates a checkout through the (faked) Coinbase API with a signed CDP JWT", async () => {
    const { session } = await signUpVerified("cblive");
    const checkout = await startCheckout(session, "coinbase", liveCoinbase());
    expect(checkout.sessionId).toMatch(/^[0-9a-f]{24}$/);
    expect(checkout.checkoutUrl).toContain("/payment-links/");
  });

  it("deposits on checkout.payment.success once, and refunds on checkout.refund.success", async () => {
    const { session } = await signUpVerified("cbpay");
    const c = await startCheckout(session, "coinbase");
    const data = {
      id: c.sessionId,
      status: "COMPLETED",
      amount: "8.99",
      currency: "USDC",
      metadata: { paymentId: c.paymentId },
    };
    const event = await coinbaseEvent("checkout.payment.success", data);
    const first = await postCoinbase(event.rawBody, event.headers);
    expect(first.status).toBe(200);
    expect(first.body.outcome).toBe("processed");
    const replay = await postCoinbase(event.rawBody, event.headers);
    expect(replay.body.outcome).toBe("duplicate");
    expect(await balanceOf(session)).toBe("500.000");
    const refund = await coinbaseEvent("checkout.refund.success", {
      ...data,
      status: "REFUNDED",
      refundedAmount: "8.99",
    });
    await postCoinbase(refund.rawBody, refund.headers);
    expect(await balanceOf(session)).toBe("0.000");
  });

  it("refuses forged, stale and unsigned deliveries with 400", async () => {
    const { session } = await signUpVerified("cbforged");
    const c = await startCheckout(session, "coinbase");
    const data = { id: c.sessionId, amount: "8.99", currency: "USDC", metadata: { paymentId: c.paymentId } };
    const forged = await coinbaseEvent("checkout.payment.success", data, { secret: "not-the-secret" });
    expect((await postCoinbase(forged.rawBody, forged.headers)).status).toBe(400);
    const stale = await coinbaseEvent("checkout.payment.success", data, {
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    expect((await postCoinbase(stale.rawBody, stale.headers)).status).toBe(400);
    const good = await coinbaseEvent("checkout.payment.success", data);
    const unsigned = await postCoinbase(good.rawBody, { "content-type": "application/json" });
    expect(unsigned.status).toBe(400);
    const tampered = await postCoinbase(good.rawBody.replace("8.99", "0.01"), good.headers);
    expect(tampered.status).toBe(400);
    expect(await balanceOf(session)).toBe("0.000");
  });

  it("marks an expired checkout FAILED", async () => {
    const { session } = await signUpVerified("cbexpired");
    const c = await startCheckout(session, "coinbase");
    const e = await coinbaseEvent("checkout.payment.expired", {
      id: c.sessionId,
      status: "EXPIRED",
      metadata: { paymentId: c.paymentId },
    });
    await postCoinbase(e.rawBody, e.headers);
    const p = await session.call<{ payment: { status: string } }>(`/api/payments/${c.paymentId}`);
    expect(p.body.payment.status).toBe("FAILED");
  });
});
