import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { creditWallet } from "./credit-wallet.ts";
import { APP_ROLE, appRoleUrl, openDb } from "../../scripts/lib/database.ts";
import { createTestUser, openTestDb } from "../../test/support/db.ts";

const owner = openTestDb(2);
afterAll(owner.close);
const embedded = inject("dbTestEmbedded");

/** Drizzle wraps the driver's error; the database's message is on the cause. */
async function refusal(query: Promise<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    return error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
  }
  return "not refused";
}

class RolledBack extends Error {}

/** Runs `statement` in a transaction that is always rolled back, so a TRUNCATE that got through empties nothing. */
async function refusalRolledBack(statement: ReturnType<typeof sql>): Promise<string> {
  try {
    await owner.db.transaction(async (tx) => {
      await tx.execute(statement);
      throw new RolledBack();
    });
  } catch (error) {
    if (error instanceof RolledBack) return "not refused";
    return error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
  }
  return "not refused";
}

describe("TRUNCATE of the ledger is refused, even for the owner", () => {
  it("refuses TRUNCATE ledger_entry and TRUNCATE ledger_transfer CASCADE", async () => {
    const userId = await createTestUser(owner.db);
    await creditWallet(owner.db, { userId, provider: "STRIPE", amount: 1000n, paymentId: crypto.randomUUID() });
    expect(await refusalRolledBack(sql`truncate ledger_entry`)).toMatch(
      /ledger_entry is append-only: TRUNCATE refused/,
    );
    expect(await refusalRolledBack(sql`truncate ledger_transfer cascade`)).toMatch(/append-only: TRUNCATE refused/);
  });
});

// Embedded PGlite serves one session user, the owner, whatever role a client names: nothing to test there.
describe.skipIf(embedded)(`the app role (${APP_ROLE}) owns nothing`, () => {
  const app = openDb(appRoleUrl(inject("dbTestUrl")), 2);
  afterAll(() => app.pool.end());

  it("connects as the app role and books money through the use-cases", async () => {
    const [who] = (await app.db.execute<{ user: string }>(sql`select current_user as "user"`)).rows;
    expect(who?.user).toBe(APP_ROLE);
    const userId = await createTestUser(app.db);
    const booked = await creditWallet(app.db, {
      userId,
      provider: "STRIPE",
      amount: 2000n,
      paymentId: crypto.randomUUID(),
    });
    expect(booked.status).toBe("posted");
  });

  it("may not disable the append-only triggers, alter or truncate the ledger", async () => {
    expect(await refusal(app.db.execute(sql`alter table ledger_entry disable trigger all`))).toMatch(
      /must be owner of table ledger_entry/,
    );
    expect(await refusal(app.db.execute(sql`alter table ledger_transfer disable trigger all`))).toMatch(
      /must be owner of table ledger_transfer/,
    );
    expect(await refusal(app.db.execute(sql`drop trigger ledger_entry_append_only on ledger_entry`))).toMatch(
      /must be owner of (table|relation) ledger_entry/,
    );
    expect(await refusal(app.db.execute(sql`truncate ledger_entry`))).toMatch(
      /permission denied for table ledger_entry/,
    );
  });
});
