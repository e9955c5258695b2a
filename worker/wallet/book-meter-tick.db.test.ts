import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { streams } from "../streams/streams.schema.ts";
import { bookMeterTick, type BookMeterTickInput, type MeterTickBooking } from "./book-meter-tick.ts";
import { checkLedgerInvariants } from "./check-ledger-invariants.ts";
import { creditWallet } from "./credit-wallet.ts";
import { ensureUserWallet } from "./ensure-accounts.ts";
import { executeRows } from "../platform/db/execute-rows.ts";
import { getSessionLedgerTotals } from "./get-session-ledger-totals.ts";
import { getWalletBalance } from "./get-wallet-balance.ts";
import { isTransactionIdempotent } from "./is-transaction-idempotent.ts";
import { openSessionEscrow } from "./open-session-escrow.ts";
import { ledgerEntries, ledgerTransfers, meterEvents, wallets } from "./wallet.schema.ts";
import { createTestUser, openTestDb, type TestDb } from "../../test/support/db.ts";

const PRICE = 1_000n;

let t: TestDb;
/** Two single-connection pools: two browser tabs reaching the database on their own connections. */
let tabA: TestDb;
let tabB: TestDb;
beforeAll(() => {
  t = openTestDb(24);
  tabA = openTestDb(1);
  tabB = openTestDb(1);
});
afterAll(async () => {
  await Promise.all([t.close(), tabA.close(), tabB.close()]);
});

async function openSession(funds: bigint) {
  const viewerId = await createTestUser(t.db, "viewer");
  const creatorId = await createTestUser(t.db, "creator");
  const [stream] = await t.db.insert(streams).values({ creatorId, title: "metered" }).returning({ id: streams.id });
  if (!stream) throw new Error("no stream");
  if (funds > 0n) {
    await creditWallet(t.db, { userId: viewerId, provider: "STRIPE", amount: funds, paymentId: `pay-${viewerId}` });
  }
  const sessionId = randomUUID();
  const escrowWalletId = await openSessionEscrow(t.db, { sessionId });
  const tick = (intervalIndex: number, amount = PRICE, playbackMs = 10_000): BookMeterTickInput => ({
    sessionId,
    userId: viewerId,
    streamId: stream.id,
    escrowWalletId,
    intervalIndex,
    playbackMs,
    amount,
  });
  return { viewerId, creatorId, streamId: stream.id, sessionId, escrowWalletId, tick };
}

async function balanceOf(walletId: string): Promise<bigint> {
  const [row] = await t.db.select({ balance: wallets.balance }).from(wallets).where(eq(wallets.id, walletId));
  if (!row) throw new Error(`no wallet ${walletId}`);
  return row.balance;
}

const eventsOf = (sessionId: string) => t.db.select().from(meterEvents).where(eq(meterEvents.sessionId, sessionId));

/** Resolves once `count` backends of the test database wait on a lock (a tick parked on a row lock). */
async function untilWaitingOnLocks(count: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [row] = await executeRows(
      t.db,
      sql`select count(*)::int as waiting from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (z.object({ waiting: z.number() }).parse(row).waiting >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no ${count} backends waiting on a lock`);
}

/** Books `tick` in an open transaction on tabA and keeps it open until `release` is called. */
function holdBooking(tick: BookMeterTickInput) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let booked: (value: MeterTickBooking) => void = () => {};
  const bookedInTx = new Promise<MeterTickBooking>((resolve) => (booked = resolve));
  const committed = tabA.db.transaction(async (tx) => {
    booked(await bookMeterTick(tx, tick));
    await released;
  });
  return { bookedInTx, release, committed };
}

describe("openSessionEscrow", () => {
  it("opens an empty, ownerless SESSION_ESCROW account per call", async () => {
    const sessionId = randomUUID();
    const [a, b] = [await openSessionEscrow(t.db, { sessionId }), await openSessionEscrow(t.db, { sessionId })];
    expect(a).not.toBe(b);
    const rows = await t.db.select().from(wallets).where(eq(wallets.id, a));
    expect(rows).toMatchObject([{ kind: "SESSION_ESCROW", userId: null, provider: null, balance: 0n }]);
  });
});

describe("bookMeterTick", () => {
  it("books one tick: the viewer's debit, the escrow's credit, two entries and the meter event", async () => {
    const s = await openSession(5_000n);
    const result = await bookMeterTick(t.db, s.tick(0, 1_250n, 9_800));
    expect(result).toMatchObject({ status: "booked", debited: 1_250n, balanceAfter: 3_750n });
    if (result.status !== "booked") return;

    expect((await getWalletBalance(t.db, s.viewerId)).balance).toBe(3_750n);
    expect(await balanceOf(s.escrowWalletId)).toBe(1_250n);
    const [event] = await eventsOf(s.sessionId);
    expect(event).toMatchObject({
      id: result.meterEventId,
      userId: s.viewerId,
      streamId: s.streamId,
      intervalIndex: 0,
      playbackMs: 9_800,
      creditsDebited: 1_250n,
    });
    const [transferRow] = await t.db
      .select()
      .from(ledgerTransfers)
      .where(eq(ledgerTransfers.idempotencyKey, `meter:${s.sessionId}:0`));
    expect(transferRow?.amount).toBe(1_250n);
    expect(event?.transferId).toBe(transferRow?.id);

    const entries = await t.db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.transferId, transferRow?.id ?? ""));
    const viewerWallet = await ensureUserWallet(t.db, s.viewerId);
    const byWallet = new Map(entries.map((e) => [e.walletId, e]));
    expect(entries).toHaveLength(2);
    const common = {
      type: "DEBIT",
      referenceType: "METER_EVENT",
      referenceId: result.meterEventId,
      metadata: { sessionId: s.sessionId, streamId: s.streamId, intervalIndex: 0 },
    };
    expect(byWallet.get(viewerWallet)).toMatchObject({
      ...common,
      userId: s.viewerId,
      amount: -1_250n,
      balanceAfter: 3_750n,
    });
    expect(byWallet.get(s.escrowWalletId)).toMatchObject({
      ...common,
      userId: null,
      amount: 1_250n,
      balanceAfter: 1_250n,
    });

    const second = await bookMeterTick(t.db, s.tick(1, 1_250n));
    expect(second).toMatchObject({ status: "booked", balanceAfter: 2_500n });
    expect(await getSessionLedgerTotals(t.db, s)).toEqual({
      intervals: 2,
      totalDebited: 2_500n,
      escrowBalance: 2_500n,
      settled: 0n,
    });
    expect(await checkLedgerInvariants(t.db)).toEqual([]);
  });

  it("books a tick replayed 20 times in parallel once, and every call answers the same debit", async () => {
    const s = await openSession(10_000n);
    const results = await Promise.all(Array.from({ length: 20 }, () => bookMeterTick(t.db, s.tick(3))));
    const booked = results.filter((r) => r.status === "booked");
    expect(booked).toHaveLength(1);
    expect(results.filter((r) => r.status === "duplicate")).toHaveLength(19);
    const original = booked[0];
    if (original?.status !== "booked") throw new Error("unreachable");
    for (const r of results) {
      expect(r).toMatchObject({ debited: PRICE, balanceAfter: 9_000n, meterEventId: original.meterEventId });
    }
    expect((await getWalletBalance(t.db, s.viewerId)).balance).toBe(9_000n);
    expect(await balanceOf(s.escrowWalletId)).toBe(PRICE);
    expect(await eventsOf(s.sessionId)).toHaveLength(1);
    const entries = await t.db
      .select({ id: ledgerEntries.id })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.walletId, s.escrowWalletId));
    expect(entries).toHaveLength(1);

    // A later replay, even with another amount, answers the original.
    expect(await bookMeterTick(t.db, s.tick(3, 5n))).toEqual({
      status: "duplicate",
      debited: PRICE,
      balanceAfter: 9_000n,
      meterEventId: original.meterEventId,
    });
  });

  it("two tabs: the same interval sent from two connections at once bills once", async () => {
    const s = await openSession(20n * PRICE);
    for (let i = 0; i < 10; i++) {
      const [a, b] = await Promise.all([bookMeterTick(tabA.db, s.tick(i)), bookMeterTick(tabB.db, s.tick(i))]);
      expect([a.status, b.status].sort()).toEqual(["booked", "duplicate"]);
      expect("meterEventId" in a && "meterEventId" in b && a.meterEventId === b.meterEventId).toBe(true);
    }
    expect((await getWalletBalance(t.db, s.viewerId)).balance).toBe(10n * PRICE);
    expect(await balanceOf(s.escrowWalletId)).toBe(10n * PRICE);
    expect(await checkLedgerInvariants(t.db)).toEqual([]);
  });

  it("two tabs: a twin that commits after the other tab's statement began is a duplicate, not a second bill", async () => {
    const s = await openSession(10n * PRICE);
    const held = holdBooking(s.tick(0));
    expect((await held.bookedInTx).status).toBe("booked");
    // Tab B's statement starts while tab A's booking is uncommitted: its snapshot cannot see it,
    // it parks on the viewer's row lock, then trips over the unique key and falls back.
    const twin = bookMeterTick(tabB.db, s.tick(0));
    await untilWaitingOnLocks(1);
    held.release();
    await held.committed;
    expect(await twin).toMatchObject({ status: "duplicate", debited: PRICE, balanceAfter: 9n * PRICE });
    expect((await getWalletBalance(t.db, s.viewerId)).balance).toBe(9n * PRICE);
    expect(await eventsOf(s.sessionId)).toHaveLength(1);
  });

  it("two tabs: a twin that lands while the wallet runs dry answers duplicate, not insufficient", async () => {
    const s = await openSession(PRICE);
    const held = holdBooking(s.tick(0));
    expect((await held.bookedInTx).status).toBe("booked");
    const twin = bookMeterTick(tabB.db, s.tick(0));
    await untilWaitingOnLocks(1);
    held.release();
    await held.committed;
    expect(await twin).toMatchObject({ status: "duplicate", debited: PRICE, balanceAfter: 0n });
  });

  it("two tabs: different intervals racing for a balance that pays one bill one, the other is insufficient", async () => {
    for (let round = 0; round < 8; round++) {
      const s = await openSession(PRICE + 10n);
      const [a, b] = await Promise.all([bookMeterTick(tabA.db, s.tick(0)), bookMeterTick(tabB.db, s.tick(1))]);
      expect([a.status, b.status].sort()).toEqual(["booked", "insufficient"]);
      const short = a.status === "insufficient" ? a : b;
      expect(short).toEqual({ status: "insufficient", balance: 10n });
      expect((await getWalletBalance(t.db, s.viewerId)).balance).toBe(10n);
      expect(await balanceOf(s.escrowWalletId)).toBe(PRICE);
      expect(await eventsOf(s.sessionId)).toHaveLength(1);
    }
    expect(await checkLedgerInvariants(t.db)).toEqual([]);
  });

  it("writes nothing when the viewer cannot pay (or has no wallet), then books once funds arrive", async () => {
    const s = await openSession(PRICE - 1n);
    expect(await bookMeterTick(t.db, s.tick(0))).toEqual({ status: "insufficient", balance: PRICE - 1n });
    expect(await eventsOf(s.sessionId)).toEqual([]);
    expect(await isTransactionIdempotent(t.db, `meter:${s.sessionId}:0`)).toBe(false);
    expect((await getWalletBalance(t.db, s.viewerId)).balance).toBe(PRICE - 1n);
    expect(await balanceOf(s.escrowWalletId)).toBe(0n);

    await creditWallet(t.db, { userId: s.viewerId, provider: "STRIPE", amount: 1n, paymentId: `top-${s.viewerId}` });
    expect(await bookMeterTick(t.db, s.tick(0))).toMatchObject({ status: "booked", balanceAfter: 0n });

    const broke = await openSession(0n);
    expect(await bookMeterTick(t.db, broke.tick(0))).toEqual({ status: "insufficient", balance: 0n });
    expect(await eventsOf(broke.sessionId)).toEqual([]);
  });

  it("records a 0 tick as a meter event only, and replays it", async () => {
    const s = await openSession(3_000n);
    const zero = await bookMeterTick(t.db, s.tick(0, 0n, 0));
    expect(zero).toMatchObject({ status: "booked", debited: 0n, balanceAfter: 3_000n });
    expect(await eventsOf(s.sessionId)).toMatchObject([{ intervalIndex: 0, creditsDebited: 0n, transferId: null }]);
    expect(await isTransactionIdempotent(t.db, `meter:${s.sessionId}:0`)).toBe(false);
    expect(await balanceOf(s.escrowWalletId)).toBe(0n);
    // A replay of the interval, even one that now carries an amount, answers the original.
    const replays = await Promise.all([bookMeterTick(t.db, s.tick(0, 0n, 0)), bookMeterTick(t.db, s.tick(0))]);
    for (const r of replays) expect(r).toMatchObject({ status: "duplicate", debited: 0n, balanceAfter: null });
    expect((await getWalletBalance(t.db, s.viewerId)).balance).toBe(3_000n);

    // A 0 tick for an interval already billed is a duplicate of the bill.
    await bookMeterTick(t.db, s.tick(1));
    expect(await bookMeterTick(t.db, s.tick(1, 0n))).toMatchObject({ status: "duplicate", debited: PRICE });
    expect(await checkLedgerInvariants(t.db)).toEqual([]);
  });

  it("refuses an escrow that is not a SESSION_ESCROW account, and bad input, writing nothing", async () => {
    const s = await openSession(5_000n);
    const viewerWallet = await ensureUserWallet(t.db, s.viewerId);
    await expect(bookMeterTick(t.db, { ...s.tick(0), escrowWalletId: viewerWallet })).rejects.toThrow(
      /not a SESSION_ESCROW/,
    );
    await expect(bookMeterTick(t.db, s.tick(0, -1n))).rejects.toThrow(/negative/);
    await expect(bookMeterTick(t.db, s.tick(-1))).rejects.toThrow(/intervalIndex/);
    await expect(bookMeterTick(t.db, s.tick(0, PRICE, 1.5))).rejects.toThrow(/playbackMs/);
    expect((await getWalletBalance(t.db, s.viewerId)).balance).toBe(5_000n);
    expect(await eventsOf(s.sessionId)).toEqual([]);
  });

  it("books nothing (money or 0 tick) while the caller's onlyIf condition is false, then books once it holds", async () => {
    const s = await openSession(5n * PRICE);
    const liveOnly = (i: number, amount = PRICE) => ({
      ...s.tick(i, amount),
      onlyIf: sql`exists (select 1 from stream where id = ${s.streamId}::uuid and status = 'LIVE')`,
    });
    expect(await bookMeterTick(t.db, liveOnly(0))).toEqual({ status: "refused" });
    expect(await bookMeterTick(t.db, liveOnly(0, 0n))).toEqual({ status: "refused" });
    expect(await eventsOf(s.sessionId)).toHaveLength(0);
    expect((await getWalletBalance(t.db, s.viewerId)).balance).toBe(5n * PRICE);
    expect(await balanceOf(s.escrowWalletId)).toBe(0n);
    await t.db.update(streams).set({ status: "LIVE" }).where(eq(streams.id, s.streamId));
    expect((await bookMeterTick(t.db, liveOnly(0))).status).toBe("booked");
    expect((await getWalletBalance(t.db, s.viewerId)).balance).toBe(4n * PRICE);
  });

  it("refuses a replay from another viewer of the same session id", async () => {
    const s = await openSession(5_000n);
    await bookMeterTick(t.db, s.tick(0));
    const other = await createTestUser(t.db, "other");
    await expect(bookMeterTick(t.db, { ...s.tick(0), userId: other })).rejects.toThrow(/was booked for user/);
  });

  it("works inside a caller's transaction, which survives a racing twin", async () => {
    const s = await openSession(10n * PRICE);
    // As the metering domain will: the escrow opened and the first tick booked in one transaction.
    const inTx = await t.db.transaction(async (tx) => {
      const escrowWalletId = await openSessionEscrow(tx, { sessionId: s.sessionId });
      return bookMeterTick(tx, { ...s.tick(0), escrowWalletId });
    });
    expect(inTx).toMatchObject({ status: "booked", balanceAfter: 9n * PRICE });

    const held = holdBooking(s.tick(1));
    await held.bookedInTx;
    const caller = tabB.db.transaction(async (tx) => {
      const twin = await bookMeterTick(tx, s.tick(1));
      // The unique violation was contained in a savepoint: the caller's transaction goes on.
      const next = await bookMeterTick(tx, s.tick(2));
      return [twin, next] as const;
    });
    await untilWaitingOnLocks(1);
    held.release();
    await held.committed;
    const [twin, next] = await caller;
    expect(twin).toMatchObject({ status: "duplicate", debited: PRICE, balanceAfter: 8n * PRICE });
    expect(next).toMatchObject({ status: "booked", balanceAfter: 7n * PRICE });
    expect(await eventsOf(s.sessionId)).toHaveLength(3);
    expect(await checkLedgerInvariants(t.db)).toEqual([]);
  });
});
