import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLogs } from "../platform/audit/audit.schema.ts";
import { wallets } from "./wallet.schema.ts";
import { checkLedgerInvariants } from "./check-ledger-invariants.ts";
import { creditWallet } from "./credit-wallet.ts";
import { debitWallet } from "./debit-wallet.ts";
import { recalculateBalance } from "./recalculate-balance.ts";
import { reconcileWallet } from "./reconcile-wallet.ts";
import { createTestUser, openTestDb, type TestDb } from "../../test/support/db.ts";

let t: TestDb;
beforeAll(() => {
  t = openTestDb(8);
});
afterAll(() => t.close());

describe("reconcileWallet", () => {
  it("reports a clean wallet without touching it", async () => {
    const adminId = await createTestUser(t.db, "admin");
    const userId = await createTestUser(t.db);
    await creditWallet(t.db, { userId, provider: "STRIPE", amount: 4_200n, paymentId: `pay-${userId}` });
    const report = await reconcileWallet(t.db, { userId, adminId });
    expect(report).toMatchObject({ cached: 4_200n, computed: 4_200n, difference: 0n, corrected: false });
  });

  it("repairs a drifted cache to the sum of entries, books no money, and audits it", async () => {
    const adminId = await createTestUser(t.db, "admin");
    const userId = await createTestUser(t.db);
    await creditWallet(t.db, { userId, provider: "STRIPE", amount: 5_000n, paymentId: `pay-${userId}` });
    await debitWallet(t.db, {
      userId,
      amount: 1_000n,
      referenceType: "METER_EVENT",
      referenceId: "x",
      idempotencyKey: `d:${userId}`,
    });
    // Simulate drift: someone changed the cache outside postTransfer.
    const [drifted] = await t.db
      .update(wallets)
      .set({ balance: sql`${wallets.balance} + 750` })
      .where(and(eq(wallets.kind, "USER"), eq(wallets.userId, userId)))
      .returning({ id: wallets.id });
    const walletId = drifted?.id ?? "";

    const before = await checkLedgerInvariants(t.db);
    expect(before).toContainEqual({ kind: "CACHE_MISMATCH", walletId, cached: 4_750n, computed: 4_000n });
    expect(before).toContainEqual(
      expect.objectContaining({ kind: "GLOBAL_SUM_NONZERO", balanceSum: 750n, entrySum: 0n }),
    );

    const report = await reconcileWallet(t.db, { userId, adminId });
    expect(report).toEqual({ walletId, cached: 4_750n, computed: 4_000n, difference: 750n, corrected: true });
    expect(await recalculateBalance(t.db, { walletId })).toEqual({ walletId, cached: 4_000n, computed: 4_000n });
    expect(await checkLedgerInvariants(t.db)).toEqual([]);

    const audits = await t.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.targetId, walletId), eq(auditLogs.action, "wallet.reconcile.corrected")));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.metadata).toMatchObject({ cached: "4750", computed: "4000", difference: "750", corrected: true });

    expect((await reconcileWallet(t.db, { userId, adminId })).corrected).toBe(false);
  });
});
