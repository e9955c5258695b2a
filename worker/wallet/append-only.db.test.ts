import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { creditWallet } from "./credit-wallet.ts";
import { createTestUser, openTestDb } from "../../test/support/db.ts";

const { db, close } = openTestDb(2);
afterAll(close);

/** Drizzle wraps the driver's error; the database's message is on the cause. */
async function refusal(query: Promise<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    return cause;
  }
  return "not refused";
}

describe("ledger rows are append-only in the database", () => {
  it("refuses UPDATE and DELETE on ledger_entry and ledger_transfer", async () => {
    const userId = await createTestUser(db);
    const booked = await creditWallet(db, {
      userId,
      provider: "STRIPE",
      amount: 5000n,
      paymentId: crypto.randomUUID(),
    });
    if (booked.status !== "posted") throw new Error(booked.status);
    const entryId = booked.entries[0]?.id ?? "";
    expect(await refusal(db.execute(sql`update ledger_entry set amount = 1 where id = ${entryId}`))).toMatch(
      /append-only/,
    );
    expect(await refusal(db.execute(sql`delete from ledger_entry where id = ${entryId}`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`delete from ledger_transfer where id = ${booked.transferId}`))).toMatch(
      /append-only/,
    );
  });
});
