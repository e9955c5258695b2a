import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLedgerInvariants } from "./check-ledger-invariants.ts";
import { creditWallet } from "./credit-wallet.ts";
import { debitWallet } from "./debit-wallet.ts";
import { getLedgerEntryByReference } from "./get-ledger-entry-by-reference.ts";
import { getWalletBalance } from "./get-wallet-balance.ts";
import { refundWallet } from "./refund-wallet.ts";
import { createTestUser, openTestDb, type TestDb } from "../../test/support/db.ts";

let t: TestDb;
beforeAll(() => {
  t = openTestDb(8);
});
afterAll(() => t.close());

describe("refundWallet", () => {
  it("takes credits back without a clawback flag while the wallet stays non-negative", async () => {
    const userId = await createTestUser(t.db);
    await creditWallet(t.db, { userId, provider: "STRIPE", amount: 10_000n, paymentId: `pay-${userId}` });
    const result = await refundWallet(t.db, { userId, provider: "STRIPE", amount: 4_000n, refundId: `re-${userId}` });
    expect(result.status).toBe("posted");
    expect((await getWalletBalance(t.db, userId)).balance).toBe(6_000n);
    expect(await getLedgerEntryByReference(t.db, "REFUND", `re-${userId}`)).toMatchObject({
      type: "REFUND",
      amount: -4_000n,
      balanceAfter: 6_000n,
      clawback: false,
    });
  });

  it("claws back spent credits: goes negative, flags the entry, blocks spending until topped up", async () => {
    const userId = await createTestUser(t.db);
    await creditWallet(t.db, { userId, provider: "COINBASE", amount: 10_000n, paymentId: `pay-${userId}` });
    const spend = { userId, referenceType: "METER_EVENT", referenceId: "spend" } as const;
    expect((await debitWallet(t.db, { ...spend, amount: 8_000n, idempotencyKey: `spend:${userId}:1` })).status).toBe(
      "posted",
    );

    const refund = {
      userId,
      provider: "COINBASE",
      amount: 10_000n,
      refundId: `re-${userId}`,
      paymentId: `pay-${userId}`,
    } as const;
    expect((await refundWallet(t.db, refund)).status).toBe("posted");
    expect((await refundWallet(t.db, refund)).status).toBe("duplicate");
    expect((await getWalletBalance(t.db, userId)).balance).toBe(-8_000n);
    expect(await getLedgerEntryByReference(t.db, "REFUND", `re-${userId}`)).toMatchObject({
      amount: -10_000n,
      balanceAfter: -8_000n,
      clawback: true,
      metadata: { provider: "COINBASE", paymentId: `pay-${userId}` },
    });

    expect((await debitWallet(t.db, { ...spend, amount: 1n, idempotencyKey: `spend:${userId}:2` })).status).toBe(
      "insufficient_funds",
    );
    await creditWallet(t.db, { userId, provider: "COINBASE", amount: 9_000n, paymentId: `pay2-${userId}` });
    expect((await getWalletBalance(t.db, userId)).balance).toBe(1_000n);
    expect((await debitWallet(t.db, { ...spend, amount: 1_000n, idempotencyKey: `spend:${userId}:3` })).status).toBe(
      "posted",
    );
    expect(await checkLedgerInvariants(t.db)).toEqual([]);
  });
});
