import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wallets } from "./wallet.schema.ts";
import { ensureCreatorEarnings, ensureSystemAccounts, ensureUserWallet } from "./ensure-accounts.ts";
import { getWalletBalance } from "./get-wallet-balance.ts";
import { createTestUser, openTestDb, type TestDb } from "../../test/support/db.ts";
import { countPendingPayments } from "../payments/index.ts";

let t: TestDb;
beforeAll(() => {
  t = openTestDb(16);
});
afterAll(() => t.close());

describe("ensure accounts", () => {
  it("creates each account once even when asked concurrently", async () => {
    const userId = await createTestUser(t.db);
    const [walletIds, earningsIds, systems] = await Promise.all([
      Promise.all(Array.from({ length: 10 }, () => ensureUserWallet(t.db, userId))),
      Promise.all(Array.from({ length: 10 }, () => ensureCreatorEarnings(t.db, userId))),
      Promise.all(Array.from({ length: 10 }, () => ensureSystemAccounts(t.db))),
    ]);
    expect(new Set(walletIds).size).toBe(1);
    expect(new Set(earningsIds).size).toBe(1);
    expect(walletIds[0]).not.toBe(earningsIds[0]);
    expect(new Set(systems.map((s) => JSON.stringify(s))).size).toBe(1);

    const userRows = await t.db.select().from(wallets).where(eq(wallets.userId, userId));
    expect(userRows.map((r) => r.kind).sort()).toEqual(["CREATOR_EARNINGS", "USER"]);
    const systemRows = await t.db
      .select({ kind: wallets.kind, provider: wallets.provider })
      .from(wallets)
      .where(inArray(wallets.kind, ["PLATFORM_REVENUE", "PROVIDER_CLEARING"]));
    expect(systemRows).toHaveLength(3);
  });

  it("reads a missing wallet as zero without creating it", async () => {
    const userId = await createTestUser(t.db);
    expect(await getWalletBalance(t.db, userId)).toEqual({
      walletId: null,
      balance: 0n,
      currency: "CREDITS",
    });
    expect(await countPendingPayments(t.db, userId)).toBe(0);
    const rows = await t.db
      .select()
      .from(wallets)
      .where(and(eq(wallets.kind, "USER"), eq(wallets.userId, userId)));
    expect(rows).toHaveLength(0);
  });
});
