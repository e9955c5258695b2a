import { createExecutionContext, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/app.ts";
import { DEV_STRIPE_WEBHOOK_SECRET } from "../../worker/payments/provider-config.ts";
import { type ApiErrorBody } from "./support/http.ts";
import { firstPrice, signStripe, startCheckout, stripeEvent } from "./support/payments.ts";
import { Session, signUpVerified } from "./support/session.ts";

/** A deployed environment (staging, preview) is reached through a public hostname. */
const DEPLOYED = "https://staging.tollgate.example";

async function fetchAt(url: string, init: RequestInit = {}, envOverrides?: Record<string, string>): Promise<Response> {
  if (!envOverrides) return SELF.fetch(url, { redirect: "manual", ...init });
  const ctx = createExecutionContext();
  const res = await createApp().request(url, init, { ...env, ...envOverrides }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const atobSafe = (cursor: string) => {
  try {
    return atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return "not base64";
  }
};

const errorCode = async (res: Response) => ((await res.json()) as ApiErrorBody).error.code;

describe("dev tools answer only loopback requests in development and test", () => {
  it("serves the mailbox on 127.0.0.1 and 404s it on any other host, whatever ENVIRONMENT says", async () => {
    expect((await fetchAt("http://127.0.0.1:8787/api/dev/outbox")).status).toBe(200);
    for (const environment of ["test", "development"]) {
      const res = await fetchAt(`${DEPLOYED}/api/dev/outbox`, {}, { ENVIRONMENT: environment });
      expect(res.status, environment).toBe(404);
      expect(await errorCode(res)).toBe("NOT_FOUND");
    }
  });

  it("hides the test checkout and refuses to open one off loopback", async () => {
    const s = new Session();
    await s.login("viewer2@tollgate.test");
    const bearer = { authorization: `Bearer ${s.cookie("tg_at") ?? ""}` };
    const pay = await startCheckout(s);
    const page = await fetchAt(`${DEPLOYED}/api/dev/checkout/${pay.paymentId}`, { headers: bearer });
    expect(page.status).toBe(404);
    const complete = await fetchAt(`${DEPLOYED}/api/dev/checkout/${pay.paymentId}/complete`, {
      method: "POST",
      headers: { ...bearer, "content-type": "application/json" },
      body: JSON.stringify({ outcome: "paid" }),
    });
    expect(complete.status).toBe(404);

    // No provider keys: on loopback that means the dev checkout, elsewhere it means no payments.
    const price = await firstPrice();
    const checkout = await fetchAt(`${DEPLOYED}/api/payments/checkout`, {
      method: "POST",
      headers: { ...bearer, "content-type": "application/json" },
      body: JSON.stringify({ priceId: price.id, provider: "stripe" }),
    });
    expect(checkout.status).toBe(503);
    expect(await errorCode(checkout)).toBe("PAYMENTS_UNAVAILABLE");
  });

  it("verifies nothing with the public dev webhook secret off loopback", async () => {
    const payload = stripeEvent("customer.created", { id: "cus_test" });
    const init = async (): Promise<RequestInit> => ({
      method: "POST",
      headers: {
        "content-type": "application/json",
        "stripe-signature": await signStripe(payload, { secret: DEV_STRIPE_WEBHOOK_SECRET }),
      },
      body: payload,
    });
    const noSecret = { STRIPE_WEBHOOK_SECRET: "" };
    const local = await fetchAt("http://127.0.0.1:8787/api/webhooks/stripe", await init(), noSecret);
    expect(local.status).toBe(200);
    const deployed = await fetchAt(`${DEPLOYED}/api/webhooks/stripe`, await init(), noSecret);
    expect(deployed.status).toBe(500);
    expect(await errorCode(deployed)).toBe("MISCONFIGURED");
  });
});

describe("security headers", () => {
  const expectHeaders = (res: Response) => {
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/connect-src 'self' ws:\/\/\S+ http:\/\/\S+;/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("permissions-policy")).toContain("camera=(self), microphone=(self), display-capture=(self)");
  };

  it("are on API responses, errors and 404s", async () => {
    expectHeaders(await fetchAt("http://127.0.0.1:8787/api/health"));
    expectHeaders(await fetchAt("http://127.0.0.1:8787/api/nope"));
    expectHeaders(await fetchAt("http://127.0.0.1:8787/api/wallet/balance"));
    expectHeaders(await fetchAt("http://127.0.0.1:8787/.well-known/jwks.json"));
  });

  it("are on the SPA's pages and assets", async () => {
    expectHeaders(await fetchAt("http://127.0.0.1:8787/"));
    expectHeaders(await fetchAt("http://127.0.0.1:8787/dashboard/credits"));
    expectHeaders(await fetchAt("http://127.0.0.1:8787/favicon.svg"));
  });
});

describe("bad input gets a 4xx, never a 500", () => {
  const b64url = (text: string) => btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const uuid = "0b7e2a5c-1f7e-4a59-9a53-2f1f0d0e8c11";
  const dashes = "-".repeat(36);
  const everywhere = [
    "A", // not base64
    "not-a-uuid",
    b64url("{not json"),
    b64url("null"),
    b64url(`${uuid}`),
    b64url("9".repeat(60)),
  ];
  const crafted: Record<string, string[]> = {
    ledger: [
      b64url(`${"9".repeat(20)}:${uuid}`),
      b64url(`${"9".repeat(18)}:${uuid}`),
      b64url(`1:${dashes}`),
      b64url(`1:${uuid}x`),
    ],
    payments: [
      b64url(`2026-01-01T00:00:00.000Z|${dashes}`),
      b64url("2026-01-01T00:00:00.000Z|not-a-uuid"),
      b64url(`-271821-04-20T00:00:00.000Z|${uuid}`),
      b64url(`+275760-09-13T00:00:00.000Z|${uuid}`),
      b64url(`1|${uuid}`),
    ],
    streams: [
      b64url(JSON.stringify({ r: 0, v: 0, t: "2026-01-01 00:00:00+00", id: dashes })),
      b64url(JSON.stringify({ r: 1e300, v: 0, t: "2026-01-01 00:00:00+00", id: uuid })),
      b64url(JSON.stringify({ r: 0, v: Number.MAX_SAFE_INTEGER, t: "2026-01-01 00:00:00+00", id: uuid })),
      b64url(JSON.stringify({ r: 0, v: 0, t: "Tue, 01 Jan 2030 00:00:00", id: uuid })),
      b64url(JSON.stringify({ r: 0, v: 0, t: "2026-02-30 00:00:00+00", id: uuid })),
    ],
  };

  const endpoints: [name: string, who: "viewer" | "admin", path: (adminId: string) => string, own: string[]][] = [
    ["/api/payments/history", "viewer", () => "/api/payments/history", crafted.payments ?? []],
    ["/api/wallet/ledger", "viewer", () => "/api/wallet/ledger", crafted.ledger ?? []],
    ["/api/admin/users/:id/ledger", "admin", (adminId) => `/api/admin/users/${adminId}/ledger`, crafted.ledger ?? []],
    ["/api/streams/list", "viewer", () => "/api/streams/list?status=all", crafted.streams ?? []],
  ];
  it.each(endpoints)("answers 400 INVALID_CURSOR to crafted cursors on %s", async (_name, who, path, own) => {
    const session = new Session();
    const me = await session.login(who === "admin" ? "admin@tollgate.test" : "viewer3@tollgate.test");
    const base = path(me.body.user.id);
    for (const cursor of [...everywhere, ...own]) {
      const url = `${base}${base.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`;
      const res = await session.call<ApiErrorBody>(url);
      expect(res.status, `${url} (${atobSafe(cursor)})`).toBe(400);
      expect(res.body.error.code, url).toBe("INVALID_CURSOR");
    }
  });

  it("refuses an Idempotency-Key over 200 characters", async () => {
    const admin = new Session();
    await admin.login("admin@tollgate.test");
    const target = await signUpVerified("idem");
    const res = await admin.call<ApiErrorBody>(`/api/admin/users/${target.userId}`, {
      method: "PATCH",
      headers: { "idempotency-key": "k".repeat(201) },
      body: { walletAdjustment: { amount: "1.000", reason: "over-long key" } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    const ok = await admin.call(`/api/admin/users/${target.userId}`, {
      method: "PATCH",
      headers: { "idempotency-key": "k".repeat(200) },
      body: { walletAdjustment: { amount: "1.000", reason: "key at the limit" } },
    });
    expect(ok.status).toBe(200);
  });
});

describe("per-user rate limits", () => {
  it("limits checkout creation to 30 an hour", async () => {
    const { session } = await signUpVerified("checkout-limit");
    for (let i = 0; i < 30; i++) await startCheckout(session);
    const price = await firstPrice();
    const res = await session.call<ApiErrorBody>("/api/payments/checkout", {
      method: "POST",
      body: { priceId: price.id, provider: "stripe" },
    });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe("RATE_LIMITED");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("limits ledger exports to 10 in 10 minutes", async () => {
    const { session } = await signUpVerified("export-limit");
    for (let i = 0; i < 10; i++) expect((await session.call("/api/wallet/ledger.csv")).status).toBe(200);
    const res = await session.call<ApiErrorBody>("/api/wallet/ledger.csv");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBeTruthy();
  });
});
