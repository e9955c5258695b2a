import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wallets } from "./wallet.schema.ts";
import { checkLedgerInvariants } from "./check-ledger-invariants.ts";
import { creditWallet } from "./credit-wallet.ts";
import { ensureCreatorEarnings, ensureSystemAccounts } from "./ensure-accounts.ts";
import { getWalletBalance } from "./get-wallet-balance.ts";
import { isTransactionIdempotent } from "./is-transaction-idempotent.ts";
import { createTestUser, openTestDb, type TestDb } from "../../test/support/db.ts";
import { transfer } from "./transfer.ts";

let t: TestDb;
beforeAll(() => {
  t = openTestDb(32);
});
afterAll(() => t.close());

async function balanceOf(walletId: string): Promise<bigint> {
  const [row] = await t.db.select({ balance: wallets.balance }).from(wallets).where(eq(wallets.id, walletId));
  if (!row) throw new Error(`no wallet ${walletId}`);
  return row.balance;
}

describe("transfer (metering)", () => {
  it("splits the amount: fee rounded down to the platform, the rest to the creator", async () => {
    const viewerId = await createTestUser(t.db, "viewer");
    const creatorId = await createTestUser(t.db, "creator");
    await creditWallet(t.db, { userId: viewerId, provider: "STRIPE", amount: 10_000n, paymentId: `pay-${viewerId}` });
    const { platformRevenue } = await ensureSystemAccounts(t.db);
    const earnings = await ensureCreatorEarnings(t.db, creatorId);
    const revenueBefore = await balanceOf(platformRevenue);

    const result = await transfer(t.db, {
      viewerId,
      creatorId,
      amount: 1_001n,
      feeBps: 2_000,
      idempotencyKey: `meter:${viewerId}:0`,
      referenceId: "interval-0",
    });
    expect(result.status).toBe("posted");
    if (result.status !== "posted") return;
    const amounts = new Map(result.entries.map((e) => [e.walletId, e.amount]));
    expect(amounts.get(earnings)).toBe(801n);
    expect(amounts.get(platformRevenue)).toBe(200n);
    expect(result.entries.every((e) => e.type === "DEBIT" && e.referenceType === "METER_EVENT")).toBe(true);
    expect((await getWalletBalance(t.db, viewerId)).balance).toBe(8_999n);
    expect(await balanceOf(earnings)).toBe(801n);
    expect((await balanceOf(platformRevenue)) - revenueBefore).toBe(200n);
  });

  it("omits a zero fee leg and never books an interval twice", async () => {
    const viewerId = await createTestUser(t.db, "viewer");
    const creatorId = await createTestUser(t.db, "creator");
    await creditWallet(t.db, { userId: viewerId, provider: "STRIPE", amount: 10n, paymentId: `pay-${viewerId}` });
    const options = {
      viewerId,
      creatorId,
      amount: 3n,
      feeBps: 2_000,
      idempotencyKey: `meter:${viewerId}:7`,
      referenceId: "i7",
    };
    const first = await transfer(t.db, options);
    expect(first.status === "posted" && first.entries.length).toBe(2);
    expect((await transfer(t.db, options)).status).toBe("duplicate");
    expect((await getWalletBalance(t.db, viewerId)).balance).toBe(7n);
  });

  it("leaves nothing behind when the viewer cannot pay", async () => {
    const viewerId = await createTestUser(t.db, "viewer");
    const creatorId = await createTestUser(t.db, "creator");
    const key = `meter:${viewerId}:1`;
    const result = await transfer(t.db, {
      viewerId,
      creatorId,
      amount: 1n,
      feeBps: 0,
      idempotencyKey: key,
      referenceId: "i1",
    });
    expect(result.status).toBe("insufficient_funds");
    expect(await isTransactionIdempotent(t.db, key)).toBe(false);
    expect(await balanceOf(await ensureCreatorEarnings(t.db, creatorId))).toBe(0n);
  });

  it("stays exact with one hot creator under parallel load from many viewers", async () => {
    const creatorId = await createTestUser(t.db, "hot-creator");
    const earnings = await ensureCreatorEarnings(t.db, creatorId);
    const { platformRevenue } = await ensureSystemAccounts(t.db);
    const viewers = await Promise.all(Array.from({ length: 12 }, () => createTestUser(t.db, "viewer")));
    // 12 viewers × 25 intervals, each viewer funded for only 20 of them.
    const price = 1_237n;
    await Promise.all(
      viewers.map((viewerId) =>
        creditWallet(t.db, { userId: viewerId, provider: "STRIPE", amount: price * 20n, paymentId: `pay-${viewerId}` }),
      ),
    );
    const revenueBefore = await balanceOf(platformRevenue);
    const jobs = viewers.flatMap((viewerId) => Array.from({ length: 25 }, (_, i) => ({ viewerId, i })));
    // Interleave viewers so the hot rows are contended, and replay every 5th interval.
    jobs.sort((a, b) => a.i - b.i);
    const results = await Promise.all(
      jobs.flatMap(({ viewerId, i }) => {
        const options = {
          viewerId,
          creatorId,
          amount: price,
          feeBps: 1_500,
          idempotencyKey: `meter:${viewerId}:${i}`,
          referenceId: `${viewerId}:${i}`,
        };
        return i % 5 === 0 ? [transfer(t.db, options), transfer(t.db, options)] : [transfer(t.db, options)];
      }),
    );
    const posted = results.filter((r) => r.status === "posted").length;
    expect(posted).toBe(12 * 20);
    const fee = (price * 1_500n) / 10_000n;
    expect(await balanceOf(earnings)).toBe(BigInt(posted) * (price - fee));
    expect((await balanceOf(platformRevenue)) - revenueBefore).toBe(BigInt(posted) * fee);
    for (const viewerId of viewers) expect((await getWalletBalance(t.db, viewerId)).balance).toBe(0n);
    expect(await checkLedgerInvariants(t.db)).toEqual([]);
  });
});
