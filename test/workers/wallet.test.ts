import { describe, expect, it } from "vitest";
import { type ApiErrorBody } from "./support/http.ts";
import { balanceOf, startCheckout } from "./support/payments.ts";
import { Session, signUpVerified } from "./support/session.ts";

interface LedgerBody {
  entries: { id: string; type: string; amount: string; balanceAfter: string; referenceType: string }[];
  nextCursor: string | null;
}

describe("wallet API", () => {
  it("shows seeded viewers their 1,000 starting credits as an ADJUSTMENT", async () => {
    const s = new Session();
    await s.login("viewer3@tollgate.test");
    const balance = await s.call<{ balance: string; currency: string; pendingPayments: number }>("/api/wallet/balance");
    expect(balance.body).toMatchObject({ currency: "CREDITS", pendingPayments: 0 });
    expect(Number(balance.body.balance)).toBeGreaterThanOrEqual(0);
    const ledger = await s.call<LedgerBody>("/api/wallet/ledger?type=ADJUSTMENT");
    expect(ledger.body.entries.some((e) => e.amount === "1000.000" && e.referenceType === "ADMIN")).toBe(true);
  });

  it("counts pending payments, pages the ledger with running balances and exports CSV", async () => {
    const { session } = await signUpVerified("ledger");
    for (let i = 0; i < 3; i++) {
      const c = await startCheckout(session);
      await session.call(`/api/dev/checkout/${c.paymentId}/complete`, { method: "POST", body: { outcome: "paid" } });
    }
    await startCheckout(session);
    const balance = await session.call<{ balance: string; pendingPayments: number }>("/api/wallet/balance");
    expect(balance.body).toMatchObject({ balance: "1500.000", pendingPayments: 1 });

    const page1 = await session.call<LedgerBody>("/api/wallet/ledger?limit=2");
    expect(page1.body.entries.map((e) => e.balanceAfter)).toEqual(["1500.000", "1000.000"]);
    expect(page1.body.nextCursor).toBeTruthy();
    const page2 = await session.call<LedgerBody>(`/api/wallet/ledger?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.entries.map((e) => e.balanceAfter)).toEqual(["500.000"]);
    expect(page2.body.nextCursor).toBeNull();

    const csv = await session.call<string>("/api/wallet/ledger.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="tollgate-ledger-/);
    const lines = csv.body.trim().split("\r\n");
    expect(lines[0]).toBe("date,type,amount,balance_after,reference_type,reference_id,clawback,entry_id");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('"DEPOSIT","500.000","1500.000"');

    const bad = await session.call<ApiErrorBody>("/api/wallet/ledger?limit=1000&type=BOGUS");
    expect(bad.status).toBe(400);
    const badCursor = await session.call<ApiErrorBody>("/api/wallet/ledger?cursor=abc");
    expect(badCursor.status).toBe(400);
  });

  it("lets an admin adjust a wallet (with audit) and reconcile it; viewers may not", async () => {
    const { session, userId } = await signUpVerified("adjust");
    const admin = new Session();
    await admin.login("admin@tollgate.test");
    const grant = await admin.call<{ walletAdjustment: { status: string; balanceAfter: string } }>(
      `/api/admin/users/${userId}`,
      {
        method: "PATCH",
        body: { walletAdjustment: { amount: "25.5", reason: "stream outage goodwill" } },
        headers: { "idempotency-key": "adj-1" },
      },
    );
    expect(grant.status).toBe(200);
    expect(grant.body.walletAdjustment).toMatchObject({ status: "posted", balanceAfter: "25.500" });
    const twice = await admin.call<{ walletAdjustment: { status: string } }>(`/api/admin/users/${userId}`, {
      method: "PATCH",
      body: { walletAdjustment: { amount: "25.5", reason: "stream outage goodwill" } },
      headers: { "idempotency-key": "adj-1" },
    });
    expect(twice.body.walletAdjustment.status).toBe("duplicate");
    expect(await balanceOf(session)).toBe("25.500");
    const overdraw = await admin.call<ApiErrorBody>(`/api/admin/users/${userId}`, {
      method: "PATCH",
      body: { walletAdjustment: { amount: "-100", reason: "take back too much" } },
    });
    expect(overdraw.status).toBe(409);
    expect(overdraw.body.error.code).toBe("INSUFFICIENT_CREDITS");
    const invalid = await admin.call<ApiErrorBody>(`/api/admin/users/${userId}`, {
      method: "PATCH",
      body: { walletAdjustment: { amount: "1.2345", reason: "x" } },
    });
    expect(invalid.status).toBe(400);

    const report = await admin.call<{ cached: string; computed: string; difference: string; corrected: boolean }>(
      "/api/admin/wallet/reconcile",
      {
        method: "POST",
        body: { userId },
      },
    );
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ cached: "25.500", computed: "25.500", difference: "0.000", corrected: false });
    expect((await session.call("/api/admin/wallet/reconcile", { method: "POST", body: { userId } })).status).toBe(403);
  });

  it("commits a role change and a wallet adjustment together or not at all", async () => {
    const { session, userId } = await signUpVerified("atomic");
    const admin = new Session();
    await admin.login("admin@tollgate.test");
    const res = await admin.call<ApiErrorBody>(`/api/admin/users/${userId}`, {
      method: "PATCH",
      body: { role: "CREATOR", walletAdjustment: { amount: "-5", reason: "cannot take what is not there" } },
    });
    expect(res.status).toBe(409);
    const me = await session.call<{ user: { role: string } }>("/api/me");
    expect(me.body.user.role).toBe("VIEWER");
  });

  it("lets an admin find a user by email and read their wallet and ledger", async () => {
    const admin = new Session();
    await admin.login("admin@tollgate.test");
    const found = await admin.call<{ users: { user: { id: string; email: string }; balance: string }[] }>(
      "/api/admin/users?email=VIEWER2",
    );
    expect(found.status).toBe(200);
    const viewer2 = found.body.users.find((u) => u.user.email === "viewer2@tollgate.test");
    expect(viewer2).toBeDefined();
    const id = viewer2?.user.id ?? "";
    const detail = await admin.call<{ user: { balance: string }; wallet: { balance: string } }>(
      `/api/admin/users/${id}`,
    );
    expect(detail.body.wallet.balance).toBe(detail.body.user.balance);
    const ledger = await admin.call<LedgerBody>(`/api/admin/users/${id}/ledger?type=ADJUSTMENT`);
    expect(ledger.body.entries.some((e) => e.amount === "1000.000")).toBe(true);
    const wildcard = await admin.call<{ users: unknown[] }>("/api/admin/users?email=%25");
    expect(wildcard.body.users).toHaveLength(0);
    expect((await admin.call("/api/admin/users/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const viewer = new Session();
    await viewer.login("viewer1@tollgate.test");
    expect((await viewer.call("/api/admin/users?email=viewer")).status).toBe(403);
  });
});
