import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerEntrySchema } from "../../contracts/wallet.ts";
import type { LedgerEntry } from "./wallet.schema.ts";
import { creditWallet } from "./credit-wallet.ts";
import { debitWallet } from "./debit-wallet.ts";
import { listLedgerEntries } from "./list-ledger-entries.ts";
import { createTestUser, openTestDb, type TestDb } from "../../test/support/db.ts";
import { toLedgerEntryDto } from "./to-ledger-entry-dto.ts";
import { transfer } from "./transfer.ts";

let t: TestDb;
beforeAll(() => {
  t = openTestDb(8);
});
afterAll(() => t.close());

describe("listLedgerEntries", () => {
  it("pages newest first by (created_at, id) with a running balance and no gaps or repeats", async () => {
    const userId = await createTestUser(t.db);
    const creatorId = await createTestUser(t.db, "creator");
    await creditWallet(t.db, { userId, provider: "STRIPE", amount: 50_000n, paymentId: `pay-${userId}` });
    // Concurrent bookings: created_at must still follow the order balances changed in.
    await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        i % 3 === 0
          ? debitWallet(t.db, {
              userId,
              amount: 1_000n + BigInt(i),
              referenceType: "METER_EVENT",
              referenceId: `d${i}`,
              idempotencyKey: `l:${userId}:${i}`,
            })
          : transfer(t.db, {
              viewerId: userId,
              creatorId,
              amount: 2_000n + BigInt(i),
              feeBps: 2_000,
              idempotencyKey: `l:${userId}:${i}`,
              referenceId: `m${i}`,
            }),
      ),
    );
    await creditWallet(t.db, { userId, provider: "COINBASE", amount: 3_000n, paymentId: `pay2-${userId}` });

    const seen: LedgerEntry[] = [];
    let cursor: string | undefined;
    const pageSizes: number[] = [];
    do {
      const page = await listLedgerEntries(t.db, { userId, limit: 4, cursor });
      pageSizes.push(page.entries.length);
      seen.push(...page.entries);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pageSizes).toEqual([4, 4, 3]);
    expect(new Set(seen.map((e) => e.id)).size).toBe(11);
    expect(seen.every((e) => e.userId === userId)).toBe(true);
    expect(seen[0]?.type).toBe("DEPOSIT");
    expect(seen.at(-1)?.balanceAfter).toBe(50_000n);
    for (let i = 0; i + 1 < seen.length; i++) {
      const newer = seen[i];
      const older = seen[i + 1];
      if (!newer || !older) throw new Error("unreachable");
      // The running balance chains: each entry's balance_after minus its amount is the one before.
      expect(newer.balanceAfter - newer.amount).toBe(older.balanceAfter);
    }
    for (const entry of seen) expect(ledgerEntrySchema.safeParse(toLedgerEntryDto(entry)).success).toBe(true);

    const deposits = await listLedgerEntries(t.db, { userId, limit: 10, type: "DEPOSIT" });
    expect(deposits.entries.map((e) => e.amount)).toEqual([3_000n, 50_000n]);
    expect(deposits.nextCursor).toBeNull();

    const earnings = await listLedgerEntries(t.db, { userId: creatorId, limit: 100, account: "CREATOR_EARNINGS" });
    expect(earnings.entries).toHaveLength(6);
  });

  it("rejects a forged cursor", async () => {
    await expect(
      listLedgerEntries(t.db, { userId: "00000000-0000-4000-8000-000000000000", limit: 5, cursor: "bm9wZQ" }),
    ).rejects.toMatchObject({
      code: "INVALID_CURSOR",
    });
  });
});
