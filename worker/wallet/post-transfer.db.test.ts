import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerEntries, ledgerTransfers, wallets } from "./wallet.schema.ts";
import { creditWallet } from "./credit-wallet.ts";
import { ensureSystemAccounts, ensureUserWallet } from "./ensure-accounts.ts";
import { getWalletBalance } from "./get-wallet-balance.ts";
import { isTransactionIdempotent } from "./is-transaction-idempotent.ts";
import { postTransfer } from "./post-transfer.ts";
import { createTestUser, openTestDb, type TestDb } from "../../test/support/db.ts";

let t: TestDb;
beforeAll(() => {
  t = openTestDb();
});
afterAll(() => t.close());

const leg = (walletId: string, amount: bigint) =>
  ({ walletId, amount, type: "ADJUSTMENT", referenceType: "ADMIN", referenceId: "test" }) as const;

describe("postTransfer", () => {
  it("refuses unbalanced, zero-amount and single-leg transfers as bugs, writing nothing", async () => {
    const a = await ensureUserWallet(t.db, await createTestUser(t.db));
    const b = await ensureUserWallet(t.db, await createTestUser(t.db));
    await expect(
      postTransfer(t.db, { idempotencyKey: "bad:1", description: "x", legs: [leg(a, -5n), leg(b, 4n)] }),
    ).rejects.toThrow(/sum to -1/);
    await expect(
      postTransfer(t.db, { idempotencyKey: "bad:2", description: "x", legs: [leg(a, 0n), leg(b, 0n)] }),
    ).rejects.toThrow(/zero-amount/);
    await expect(postTransfer(t.db, { idempotencyKey: "bad:3", description: "x", legs: [leg(a, 0n)] })).rejects.toThrow(
      /two legs/,
    );
    await expect(
      postTransfer(t.db, { idempotencyKey: "bad:4", description: "x", legs: [leg(a, -1n), leg(a, 1n)] }),
    ).rejects.toThrow(/two legs on/);
    for (const key of ["bad:1", "bad:2", "bad:3", "bad:4"])
      expect(await isTransactionIdempotent(t.db, key)).toBe(false);
  });

  it("throws (and rolls back) when a wallet does not exist", async () => {
    const userId = await createTestUser(t.db);
    const a = await ensureUserWallet(t.db, userId);
    await creditWallet(t.db, { userId, provider: "STRIPE", amount: 5000n, paymentId: `p-${a}` });
    const missing = "00000000-0000-4000-8000-00000000dead";
    await expect(
      postTransfer(t.db, { idempotencyKey: `missing:${a}`, description: "x", legs: [leg(a, -1n), leg(missing, 1n)] }),
    ).rejects.toThrow(/does not exist/);
    expect(await isTransactionIdempotent(t.db, `missing:${a}`)).toBe(false);
    expect((await getWalletBalance(t.db, userId)).balance).toBe(5000n);
  });

  it("rolls back every leg when one debit is short, then books once funds arrive", async () => {
    const userId = await createTestUser(t.db);
    const a = await ensureUserWallet(t.db, userId);
    const b = await ensureUserWallet(t.db, await createTestUser(t.db));
    const { clearing } = await ensureSystemAccounts(t.db);
    const key = `short:${a}`;
    // The clearing leg sorts wherever its id falls; either way nothing may stick.
    const legs = [leg(clearing.COINBASE, -10n), leg(b, 10n + 3n), leg(a, -3n)];
    expect(await postTransfer(t.db, { idempotencyKey: key, description: "x", legs })).toEqual({
      status: "insufficient_funds",
      walletId: a,
    });
    expect(await isTransactionIdempotent(t.db, key)).toBe(false);
    expect((await getWalletBalance(t.db, userId)).balance).toBe(0n);
    const [bRow] = await t.db.select({ balance: wallets.balance }).from(wallets).where(eq(wallets.id, b));
    expect(bRow?.balance).toBe(0n);

    await creditWallet(t.db, { userId, provider: "STRIPE", amount: 3n, paymentId: `fund-${a}` });
    const posted = await postTransfer(t.db, { idempotencyKey: key, description: "x", legs });
    expect(posted.status).toBe("posted");
    if (posted.status !== "posted") return;
    const byWallet = new Map(posted.entries.map((e) => [e.walletId, e]));
    expect(byWallet.get(a)?.balanceAfter).toBe(0n);
    expect(byWallet.get(b)?.balanceAfter).toBe(13n);
    expect(byWallet.get(a)?.userId).toBe(userId);
    expect(byWallet.get(clearing.COINBASE)?.userId).toBeNull();
  });

  it("books a key applied 20 times in parallel exactly once and replays the original", async () => {
    const userId = await createTestUser(t.db);
    const wallet = await ensureUserWallet(t.db, userId);
    const { clearing } = await ensureSystemAccounts(t.db);
    const key = `parallel-replay:${wallet}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        postTransfer(t.db, {
          idempotencyKey: key,
          description: "replayed deposit",
          legs: [leg(clearing.STRIPE, -7000n), leg(wallet, 7000n)],
        }),
      ),
    );
    const posted = results.filter((r) => r.status === "posted");
    const duplicates = results.filter((r) => r.status === "duplicate");
    expect(posted).toHaveLength(1);
    expect(duplicates).toHaveLength(19);
    const original = posted[0];
    if (original?.status !== "posted") throw new Error("unreachable");
    for (const d of duplicates) {
      if (d.status !== "duplicate") throw new Error("unreachable");
      expect(d.transferId).toBe(original.transferId);
      expect(d.entries.map((e) => e.id).sort()).toEqual(original.entries.map((e) => e.id).sort());
    }
    expect((await getWalletBalance(t.db, userId)).balance).toBe(7000n);
    const transfers = await t.db.select().from(ledgerTransfers).where(eq(ledgerTransfers.idempotencyKey, key));
    expect(transfers).toHaveLength(1);
    expect(transfers[0]?.amount).toBe(7000n);
    const entries = await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.walletId, wallet));
    expect(entries).toHaveLength(1);
  });

  it("does not deadlock when transfers lock the same wallets listed in opposite orders", async () => {
    const [userA, userB] = [await createTestUser(t.db), await createTestUser(t.db)];
    const a = await ensureUserWallet(t.db, userA);
    const b = await ensureUserWallet(t.db, userB);
    await creditWallet(t.db, { userId: userA, provider: "STRIPE", amount: 100_000n, paymentId: `dl-a-${a}` });
    await creditWallet(t.db, { userId: userB, provider: "STRIPE", amount: 100_000n, paymentId: `dl-b-${b}` });
    const { platformRevenue } = await ensureSystemAccounts(t.db);
    // Each transfer lists its payer first: without a global lock order, A→B and B→A
    // transactions each hold one row and wait for the other.
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const [from, to] = i % 2 === 0 ? [a, b] : [b, a];
        return postTransfer(t.db, {
          idempotencyKey: `deadlock:${a}:${i}`,
          description: "ping-pong",
          legs: [leg(from, -1_000n), leg(platformRevenue, 1n), leg(to, 999n)],
        });
      }),
    );
    expect(results.every((r) => r.status === "posted")).toBe(true);
    // 20 outgoing and 20 incoming each; every transfer costs its payer 1 to platform revenue.
    expect((await getWalletBalance(t.db, userA)).balance).toBe(100_000n - 20n);
    expect((await getWalletBalance(t.db, userB)).balance).toBe(100_000n - 20n);
  });
});
