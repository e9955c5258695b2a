import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLogs } from "../platform/audit/audit.schema.ts";
import { adjustWallet } from "./adjust-wallet.ts";
import { creditWallet } from "./credit-wallet.ts";
import { getWalletBalance } from "./get-wallet-balance.ts";
import { createTestUser, openTestDb, type TestDb } from "../../test/support/db.ts";

let t: TestDb;
beforeAll(() => {
  t = openTestDb(8);
});
afterAll(() => t.close());

const auditRowsFor = (walletId: string) =>
  t.db
    .select()
    .from(auditLogs)
    .where(
      and(eq(auditLogs.targetType, "WALLET"), eq(auditLogs.targetId, walletId), eq(auditLogs.action, "wallet.adjust")),
    );

describe("adjustWallet", () => {
  it("credits and debits against platform revenue and audits each booking once", async () => {
    const adminId = await createTestUser(t.db, "admin");
    const userId = await createTestUser(t.db);
    const credit = await adjustWallet(t.db, {
      userId,
      amount: 2_500n,
      reason: "goodwill",
      adminId,
      idempotencyKey: `adj:${userId}:1`,
    });
    expect(credit.status).toBe("posted");
    const replay = await adjustWallet(t.db, {
      userId,
      amount: 2_500n,
      reason: "goodwill",
      adminId,
      idempotencyKey: `adj:${userId}:1`,
    });
    expect(replay.status).toBe("duplicate");
    const debit = await adjustWallet(t.db, { userId, amount: -500n, reason: "correction", adminId });
    expect(debit.status).toBe("posted");
    if (credit.status !== "posted" || debit.status !== "posted") return;
    expect(credit.entries.every((e) => e.type === "ADJUSTMENT" && e.referenceType === "ADMIN")).toBe(true);

    const balance = await getWalletBalance(t.db, userId);
    expect(balance.balance).toBe(2_000n);
    const audits = await auditRowsFor(balance.walletId ?? "");
    expect(audits).toHaveLength(2);
    expect(audits.map((a) => a.metadata.transferId).sort()).toEqual([credit.transferId, debit.transferId].sort());
    expect(audits.every((a) => a.actorId === adminId)).toBe(true);
  });

  it("cannot overdraw the user, and writes no audit row when nothing was booked", async () => {
    const adminId = await createTestUser(t.db, "admin");
    const userId = await createTestUser(t.db);
    await creditWallet(t.db, { userId, provider: "STRIPE", amount: 100n, paymentId: `pay-${userId}` });
    const result = await adjustWallet(t.db, { userId, amount: -101n, reason: "too much", adminId });
    expect(result.status).toBe("insufficient_funds");
    const balance = await getWalletBalance(t.db, userId);
    expect(balance.balance).toBe(100n);
    expect(await auditRowsFor(balance.walletId ?? "")).toHaveLength(0);
  });
});
