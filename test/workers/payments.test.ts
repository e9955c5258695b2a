import { describe, expect, it } from "vitest";
import { type ApiErrorBody } from "./support/http.ts";
import {
  balanceOf,
  chargeObject,
  deliverStripe,
  firstPrice,
  postStripe,
  sessionObject,
  signStripe,
  startCheckout,
  stripeEvent,
} from "./support/payments.ts";
import { Session, signUpVerified } from "./support/session.ts";

interface PaymentBody {
  payment: { id: string; status: string; refundedAmount: string; credits: string };
}

const paymentOf = async (s: Session, id: string) => (await s.call<PaymentBody>(`/api/payments/${id}`)).body.payment;

describe("prices and checkout", () => {
  it("lists the active price packages for everyone", async () => {
    const res = await new Session().call<{ prices: { productCode: string; credits: number }[] }>("/api/prices");
    expect(res.status).toBe(200);
    expect(res.body.prices.map((p) => p.credits)).toEqual([100, 500, 1000, 5000, 10000]);
  });

  it("creates a PENDING payment and a dev checkout when Stripe has no keys", async () => {
    const { session } = await signUpVerified("buyer");
    const checkout = await startCheckout(session);
    expect(checkout.checkoutUrl).toMatch(/\/dev\/checkout\/[0-9a-f-]{36}$/);
    expect(checkout.sessionId).toMatch(/^cs_dev_/);
    const payment = await paymentOf(session, checkout.paymentId);
    expect(payment).toMatchObject({ status: "PENDING", credits: "500.000" });
    const history = await session.call<{ payments: { id: string }[] }>("/api/payments/history");
    expect(history.body.payments.map((p) => p.id)).toContain(checkout.paymentId);
  });

  it("refuses checkout to unverified users, anonymous users and bad input", async () => {
    const price = await firstPrice();
    const anon = await new Session().call<ApiErrorBody>("/api/payments/checkout", {
      method: "POST",
      body: { priceId: price.id },
    });
    expect(anon.status).toBe(401);
    const viewer = new Session();
    const email = `unverified-${crypto.randomUUID().slice(0, 6)}@example.test`;
    await viewer.call("/api/auth/register", { method: "POST", body: { email, password: "correct horse battery" } });
    await viewer.login(email, "correct horse battery");
    const unverified = await viewer.call<ApiErrorBody>("/api/payments/checkout", {
      method: "POST",
      body: { priceId: price.id },
    });
    expect(unverified.status).toBe(403);
    expect(unverified.body.error.code).toBe("EMAIL_NOT_VERIFIED");
    const { session } = await signUpVerified("badinput");
    const bad = await session.call<ApiErrorBody>("/api/payments/checkout", {
      method: "POST",
      body: { priceId: "x", provider: "paypal" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    const unknown = await session.call<ApiErrorBody>("/api/payments/checkout", {
      method: "POST",
      body: { priceId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(unknown.status).toBe(404);
  });

  it("sends the provider's return redirect to the credits page, signed in or not", async () => {
    const anonymous = await new Session().call("/api/payments/success?session_id=cs_whatever");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/\/dashboard\/credits\?checkout=returned$/);
    const { session } = await signUpVerified("returned");
    const checkout = await startCheckout(session);
    const back = await session.call(`/api/payments/success?session_id=${checkout.sessionId}`);
    expect(back.headers.get("location")).toMatch(new RegExp(`payment=${checkout.paymentId}&status=PENDING$`));
  });

  it("marks a cancelled checkout FAILED for its owner only, and a later payment still books", async () => {
    const { session } = await signUpVerified("cancel");
    const c = await startCheckout(session);
    const other = await signUpVerified("cancel-other");
    expect((await other.session.call(`/api/payments/${c.paymentId}/cancel`, { method: "POST" })).status).toBe(404);
    const cancelled = await session.call<PaymentBody>(`/api/payments/${c.paymentId}/cancel`, { method: "POST" });
    expect(cancelled.body.payment.status).toBe("FAILED");
    const balance = await session.call<{ pendingPayments: number }>("/api/wallet/balance");
    expect(balance.body.pendingPayments).toBe(0);
    await deliverStripe("checkout.session.completed", sessionObject(c));
    expect((await paymentOf(session, c.paymentId)).status).toBe("SUCCEEDED");
    expect(await balanceOf(session)).toBe("500.000");
  });

  it("completes a dev checkout through the signed webhook path", async () => {
    const { session } = await signUpVerified("devpay");
    const checkout = await startCheckout(session);
    const done = await session.call<{ outcome: string; payment: { status: string } }>(
      `/api/dev/checkout/${checkout.paymentId}/complete`,
      {
        method: "POST",
        body: { outcome: "paid" },
      },
    );
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ outcome: "processed", payment: { status: "SUCCEEDED" } });
    expect(await balanceOf(session)).toBe("500.000");
    const ledger = await session.call<{ entries: { type: string; amount: string; balanceAfter: string }[] }>(
      "/api/wallet/ledger",
    );
    expect(ledger.body.entries[0]).toMatchObject({ type: "DEPOSIT", amount: "500.000", balanceAfter: "500.000" });
  });
});

describe("Stripe webhooks", () => {
  it("deposits once for checkout.session.completed, and replays change nothing", async () => {
    const { session } = await signUpVerified("replay");
    const checkout = await startCheckout(session);
    const payload = stripeEvent("checkout.session.completed", sessionObject(checkout));
    const signature = await signStripe(payload);
    const first = await postStripe(payload, signature);
    expect(first.status).toBe(200);
    expect(first.body.outcome).toBe("processed");
    const again = await postStripe(payload, signature);
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe("duplicate");
    expect(await balanceOf(session)).toBe("500.000");
    expect((await paymentOf(session, checkout.paymentId)).status).toBe("SUCCEEDED");
  });

  it("deposits once when the same event arrives many times in parallel", async () => {
    const { session } = await signUpVerified("parallel");
    const checkout = await startCheckout(session);
    const payload = stripeEvent("checkout.session.completed", sessionObject(checkout));
    const signature = await signStripe(payload);
    const results = await Promise.all(Array.from({ length: 12 }, () => postStripe(payload, signature)));
    // One processes; the others see it done (200 duplicate) or still running (409, Stripe retries).
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    expect(results.filter((r) => r.body.outcome === "processed")).toHaveLength(1);
    expect(await balanceOf(session)).toBe("500.000");
    expect((await postStripe(payload, signature)).body.outcome).toBe("duplicate");
  });

  it("deposits once even for two different events about the same payment", async () => {
    const { session } = await signUpVerified("twoevents");
    const checkout = await startCheckout(session);
    await deliverStripe("checkout.session.completed", sessionObject(checkout));
    await deliverStripe("checkout.session.async_payment_succeeded", sessionObject(checkout));
    expect(await balanceOf(session)).toBe("500.000");
  });

  it("refuses a forged, missing or stale signature with 400 and writes nothing", async () => {
    const { session } = await signUpVerified("forged");
    const checkout = await startCheckout(session);
    const payload = stripeEvent("checkout.session.completed", sessionObject(checkout));
    const forged = await postStripe(payload, await signStripe(payload, { secret: "whsec_not_ours" }));
    expect(forged.status).toBe(400);
    expect(forged.body.error?.code).toBe("INVALID_SIGNATURE");
    const missing = await postStripe(payload);
    expect(missing.status).toBe(400);
    const stale = await postStripe(
      payload,
      await signStripe(payload, { timestamp: Math.floor(Date.now() / 1000) - 600 }),
    );
    expect(stale.status).toBe(400);
    const tampered = await postStripe(
      payload.replace('"amount_total":899', '"amount_total":1'),
      await signStripe(payload),
    );
    expect(tampered.status).toBe(400);
    expect(await balanceOf(session)).toBe("0.000");
    expect((await paymentOf(session, checkout.paymentId)).status).toBe("PENDING");
  });

  it("answers an unknown event type with 200 and ignores it; malformed JSON is a 400", async () => {
    const ignored = await deliverStripe("customer.created", { id: "cus_1", object: "customer" });
    expect(ignored.status).toBe(200);
    expect(ignored.body.outcome).toBe("ignored");
    const bad = "{not json";
    const res = await postStripe(bad, await signStripe(bad));
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe("MALFORMED_JSON");
  });

  it("marks expired and failed checkouts FAILED, and a late failure never undoes a success", async () => {
    const { session } = await signUpVerified("expired");
    const a = await startCheckout(session);
    await deliverStripe("checkout.session.expired", sessionObject(a, { payment_status: "unpaid" }));
    expect((await paymentOf(session, a.paymentId)).status).toBe("FAILED");
    const b = await startCheckout(session);
    await deliverStripe("checkout.session.completed", sessionObject(b));
    await deliverStripe("checkout.session.async_payment_failed", sessionObject(b));
    expect((await paymentOf(session, b.paymentId)).status).toBe("SUCCEEDED");
    expect(await balanceOf(session)).toBe("500.000");
  });

  it("waits for async payments: unpaid completion books nothing until async success", async () => {
    const { session } = await signUpVerified("async");
    const c = await startCheckout(session);
    await deliverStripe("checkout.session.completed", sessionObject(c, { payment_status: "unpaid" }));
    expect((await paymentOf(session, c.paymentId)).status).toBe("PENDING");
    await deliverStripe("checkout.session.async_payment_succeeded", sessionObject(c));
    expect((await paymentOf(session, c.paymentId)).status).toBe("SUCCEEDED");
    expect(await balanceOf(session)).toBe("500.000");
  });

  it("claws back a full refund, and a partial refund proportionally", async () => {
    const { session } = await signUpVerified("refund");
    const c = await startCheckout(session);
    await deliverStripe("checkout.session.completed", sessionObject(c));
    const half = await deliverStripe("charge.refunded", chargeObject(c, 449));
    expect(half.body.outcome).toBe("processed");
    // 449/899 of 500 credits = 249.721… → 249.721 taken back, floor to the millicredit.
    expect(await balanceOf(session)).toBe("250.279");
    const p = await paymentOf(session, c.paymentId);
    expect(p).toMatchObject({ status: "REFUNDED", refundedAmount: "4.49" });
    await deliverStripe("charge.refunded", chargeObject(c, 899));
    expect(await balanceOf(session)).toBe("0.000");
    await deliverStripe("charge.refunded", chargeObject(c, 899));
    expect(await balanceOf(session)).toBe("0.000");
  });

  it("ends right when the refund arrives before the completion", async () => {
    const { session } = await signUpVerified("ooo");
    const c = await startCheckout(session);
    const early = await deliverStripe("charge.refunded", chargeObject(c, 899));
    expect(early.body.outcome).toBe("processed");
    expect((await paymentOf(session, c.paymentId)).status).toBe("PENDING");
    await deliverStripe("checkout.session.completed", sessionObject(c));
    const p = await paymentOf(session, c.paymentId);
    expect(p.status).toBe("REFUNDED");
    expect(await balanceOf(session)).toBe("0.000");
    const ledger = await session.call<{ entries: { type: string; amount: string }[] }>("/api/wallet/ledger");
    expect(ledger.body.entries.map((e) => `${e.type}:${e.amount}`).sort()).toEqual([
      "DEPOSIT:500.000",
      "REFUND:-500.000",
    ]);
  });

  it("records a handler failure, answers 200, and lets an admin replay it", async () => {
    const { session } = await signUpVerified("mismatch");
    const c = await startCheckout(session);
    const res = await deliverStripe("checkout.session.completed", sessionObject(c, { amount_total: 1 }));
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe("failed");
    expect(await balanceOf(session)).toBe("0.000");
    const admin = new Session();
    await admin.login("admin@tollgate.test");
    const failed = await admin.call<{ events: { id: string; error: string; type: string }[] }>(
      "/api/admin/payments/webhooks?status=FAILED",
    );
    const event = failed.body.events.find((e) => e.error.includes("Paid 1 usd"));
    expect(event).toBeDefined();
    const replay = await admin.call<{ outcome: string }>(`/api/admin/payments/webhooks/${event?.id}/replay`, {
      method: "POST",
    });
    expect(replay.body.outcome).toBe("failed");
  });
});

describe("admin refunds and prices", () => {
  it("refunds a dev payment through the webhook path", async () => {
    const { session } = await signUpVerified("adminrefund");
    const c = await startCheckout(session);
    await session.call(`/api/dev/checkout/${c.paymentId}/complete`, { method: "POST", body: { outcome: "paid" } });
    const admin = new Session();
    await admin.login("admin@tollgate.test");
    const partial = await admin.call<{ payment: { status: string; refundedAmount: string } }>(
      `/api/admin/payments/${c.paymentId}/refund`,
      {
        method: "POST",
        body: { amountCents: 100 },
        headers: { "idempotency-key": "first" },
      },
    );
    expect(partial.status).toBe(202);
    expect(partial.body.payment).toMatchObject({ status: "REFUNDED", refundedAmount: "1.00" });
    const tooMuch = await admin.call<ApiErrorBody>(`/api/admin/payments/${c.paymentId}/refund`, {
      method: "POST",
      body: { amountCents: 5000 },
      headers: { "idempotency-key": "too-much" },
    });
    expect(tooMuch.status).toBe(400);
    const rest = await admin.call(`/api/admin/payments/${c.paymentId}/refund`, { method: "POST", body: {} });
    expect(rest.status).toBe(202);
    expect(await balanceOf(session)).toBe("0.000");
    const viewer = await session.call(`/api/admin/payments/${c.paymentId}/refund`, { method: "POST", body: {} });
    expect(viewer.status).toBe(403);
  });

  it("keys admin refunds by Idempotency-Key: the same key refunds once, a new key again", async () => {
    const { session } = await signUpVerified("refundkey");
    const c = await startCheckout(session);
    await session.call(`/api/dev/checkout/${c.paymentId}/complete`, { method: "POST", body: { outcome: "paid" } });
    const admin = new Session();
    await admin.login("admin@tollgate.test");
    const refund = (key: string | undefined, amountCents = 100) =>
      admin.call<{ refundId: string; payment: { refundedAmount: string } } & Partial<ApiErrorBody>>(
        `/api/admin/payments/${c.paymentId}/refund`,
        { method: "POST", body: { amountCents }, headers: key === undefined ? {} : { "idempotency-key": key } },
      );
    const missing = await refund(undefined);
    expect(missing.status).toBe(400);
    expect(missing.body.error?.code).toBe("VALIDATION_FAILED");
    expect((await refund("k".repeat(201))).status).toBe(400);
    expect(await balanceOf(session)).toBe("500.000");

    const first = await refund("k".repeat(200));
    expect(first.status).toBe(202);
    const again = await refund("k".repeat(200));
    expect(again.status).toBe(202);
    expect(again.body.refundId).toBe(first.body.refundId);
    expect(again.body.payment.refundedAmount).toBe("1.00");
    const reused = await refund("k".repeat(200), 200);
    expect(reused.status).toBe(422);
    expect(reused.body.error?.code).toBe("IDEMPOTENCY_KEY_REUSED");
    const second = await refund("another");
    expect(second.status).toBe(202);
    expect(second.body.refundId).not.toBe(first.body.refundId);
    expect(second.body.payment.refundedAmount).toBe("2.00");
    // 200/899 of 500 credits = 111.234 taken back.
    expect(await balanceOf(session)).toBe("388.766");
  });

  it("lets an admin create, edit and deactivate price packages", async () => {
    const admin = new Session();
    await admin.login("admin@tollgate.test");
    const code = `test_${crypto.randomUUID().slice(0, 6)}`;
    const created = await admin.call<{ price: { id: string; active: boolean } }>("/api/admin/prices", {
      method: "POST",
      body: { productCode: code, name: "Test pack", credits: 250, amountCents: 499 },
    });
    expect(created.status).toBe(201);
    const dup = await admin.call<ApiErrorBody>("/api/admin/prices", {
      method: "POST",
      body: { productCode: code, name: "Again", credits: 250, amountCents: 499 },
    });
    expect(dup.status).toBe(409);
    const bad = await admin.call<ApiErrorBody>("/api/admin/prices", {
      method: "POST",
      body: { productCode: "X", credits: -1 },
    });
    expect(bad.status).toBe(400);
    const id = created.body.price.id;
    const off = await admin.call<{ price: { active: boolean; amount: string } }>(`/api/admin/prices/${id}`, {
      method: "PATCH",
      body: { active: false, amountCents: 549 },
    });
    expect(off.body.price).toMatchObject({ active: false, amount: "5.49" });
    const pub = await new Session().call<{ prices: { id: string }[] }>("/api/prices");
    expect(pub.body.prices.map((p) => p.id)).not.toContain(id);
    const all = await admin.call<{ prices: { id: string }[] }>("/api/admin/prices");
    expect(all.body.prices.map((p) => p.id)).toContain(id);
    const viewer = new Session();
    await viewer.login("viewer1@tollgate.test");
    expect((await viewer.call("/api/admin/prices")).status).toBe(403);
  });
});
