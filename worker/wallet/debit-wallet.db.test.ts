import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerEntries } from "./wallet.schema.ts";
import { creditWallet } from "./credit-wallet.ts";
import { debitWallet } from "./debit-wallet.ts";
import { getLedgerEntryByReference } from "./get-ledger-entry-by-reference.ts";
import { getWalletBalance } from "./get-wallet-balance.ts";
import { creditsToMillis } from "../../contracts/money.ts";
import { recalculateBalance } from "./recalculate-balance.ts";
import { createTestUser, openTestDb, type TestDb } from "../../test/support/db.ts";

let t: TestDb;
beforeAll(() => {
  t = openTestDb(50);
});
afterAll(() => t.close());

describe("creditWallet", () => {
  it("deposits from the provider clearing account once per payment", async () => {
    const userId = await createTestUser(t.db);
    const first = await creditWallet(t.db, { userId, provider: "STRIPE", amount: 12_500n, paymentId: `pay-${userId}` });
    const again = await creditWallet(t.db, { userId, provider: "STRIPE", amount: 12_500n, paymentId: `pay-${userId}` });
    expect(first.status).toBe("posted");
    expect(again.status).toBe("duplicate");
    expect((await getWalletBalance(t.db, userId)).balance).toBe(12_500n);
    const entry = await getLedgerEntryByReference(t.db, "PAYMENT", `pay-${userId}`);
    expect(entry).toMatchObject({ userId, type: "DEPOSIT", amount: 12_500n, balanceAfter: 12_500n, clawback: false });
  });
});

describe("debitWallet", () => {
  it("returns insufficient_funds instead of overdrawing", async () => {
    const userId = await createTestUser(t.db);
    await creditWallet(t.db, { userId, provider: "COINBASE", amount: 999n, paymentId: `pay-${userId}` });
    const result = await debitWallet(t.db, {
      userId,
      amount: 1000n,
      referenceType: "METER_EVENT",
      referenceId: "m1",
      idempotencyKey: `debit:${userId}:1`,
    });
    expect(result.status).toBe("insufficient_funds");
    expect((await getWalletBalance(t.db, userId)).balance).toBe(999n);
  });

  it("50 parallel debits on one wallet: exactly as many succeed as the balance covers", async () => {
    const userId = await createTestUser(t.db);
    await creditWallet(t.db, { userId, provider: "STRIPE", amount: creditsToMillis(30), paymentId: `pay-${userId}` });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        debitWallet(t.db, {
          userId,
          amount: creditsToMillis(1),
          referenceType: "METER_EVENT",
          referenceId: `race-${i}`,
          idempotencyKey: `race:${userId}:${i}`,
        }),
      ),
    );
    const counts = { posted: 0, insufficient_funds: 0, duplicate: 0 };
    for (const r of results) counts[r.status] += 1;
    expect(counts).toEqual({ posted: 30, insufficient_funds: 20, duplicate: 0 });

    const balance = await getWalletBalance(t.db, userId);
    expect(balance.balance).toBe(0n);
    const recalculated = await recalculateBalance(t.db, { userId });
    expect(recalculated).toMatchObject({ cached: 0n, computed: 0n });

    // Each success saw a distinct balance: 29, 28, … 0 credits, none below zero.
    const debits = await t.db
      .select({ balanceAfter: ledgerEntries.balanceAfter })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.userId, userId), eq(ledgerEntries.type, "DEBIT")));
    expect(debits.map((d) => d.balanceAfter).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(
      Array.from({ length: 30 }, (_, i) => creditsToMillis(i)),
    );
  });
});
