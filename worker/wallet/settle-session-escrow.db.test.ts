import { randomUUID } from "node:crypto";
import { eq, like } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { streams } from "../streams/streams.schema.ts";
import { bookMeterTick, type BookMeterTickInput, type MeterTickBooking } from "./book-meter-tick.ts";
import { checkLedgerInvariants } from "./check-ledger-invariants.ts";
import { creditWallet } from "./credit-wallet.ts";
import { ensureCreatorEarnings, ensureSystemAccounts } from "./ensure-accounts.ts";
import { getSessionLedgerTotals } from "./get-session-ledger-totals.ts";
import { getWalletBalance } from "./get-wallet-balance.ts";
import { isTransactionIdempotent } from "./is-transaction-idempotent.ts";
import { openSessionEscrow } from "./open-session-escrow.ts";
import { settleSessionEscrow, type SessionEscrowSettlement } from "./settle-session-escrow.ts";
import { splitFee } from "./split-fee.ts";
import { ledgerEntries, ledgerTransfers, meterEvents, wallets } from "./wallet.schema.ts";
import { createTestUser, openTestDb, type TestDb } from "../../test/support/db.ts";

const PRICE = 1_000n;

let t: TestDb;
let platformRevenue = "";
beforeAll(async () => {
  t = openTestDb(24);
  platformRevenue = (await ensureSystemAccounts(t.db)).platformRevenue;
});
afterAll(() => t.close());

async function balanceOf(walletId: string): Promise<bigint> {
  const [row] = await t.db.select({ balance: wallets.balance }).from(wallets).where(eq(wallets.id, walletId));
  if (!row) throw new Error(`no wallet ${walletId}`);
  return row.balance;
}

async function newCreator() {
  const creatorId = await createTestUser(t.db, "creator");
  const [stream] = await t.db.insert(streams).values({ creatorId, title: "metered" }).returning({ id: streams.id });
  if (!stream) throw new Error("no stream");
  return { creatorId, streamId: stream.id, earnings: await ensureCreatorEarnings(t.db, creatorId) };
}

interface SessionOptions {
  funds: bigint;
  feeBps?: number;
  creator?: Awaited<ReturnType<typeof newCreator>>;
  /** An existing viewer (a second session of theirs); a new one by default. */
  viewerId?: string;
}

/** A funded viewer watching one creator's stream; `settle(key)` settles at `feeBps`. */
async function openSession({ funds, feeBps = 2_000, creator, viewerId: existing }: SessionOptions) {
  const c = creator ?? (await newCreator());
  const viewerId = existing ?? (await createTestUser(t.db, "viewer"));
  if (funds > 0n) {
    const paymentId = `pay-${viewerId}-${randomUUID()}`;
    await creditWallet(t.db, { userId: viewerId, provider: "STRIPE", amount: funds, paymentId });
  }
  const sessionId = randomUUID();
  const escrowWalletId = await openSessionEscrow(t.db, { sessionId });
  const tick = (intervalIndex: number, amount = PRICE): BookMeterTickInput => ({
    sessionId,
    userId: viewerId,
    streamId: c.streamId,
    escrowWalletId,
    intervalIndex,
    playbackMs: 10_000,
    amount,
  });
  const settle = (settlementKey: string) =>
    settleSessionEscrow(t.db, {
      sessionId,
      escrowWalletId,
      creatorId: c.creatorId,
      feeBps,
      settlementKey,
      streamId: c.streamId,
    });
  return { ...c, viewerId, sessionId, escrowWalletId, feeBps, tick, settle };
}

describe("settleSessionEscrow", () => {
  it("moves exactly the escrow's balance to the creator and the platform, split by the fee", async () => {
    const s = await openSession({ funds: 10_000n, feeBps: 1_500 });
    for (const [i, amount] of [1_001n, 999n, 1_337n].entries()) await bookMeterTick(t.db, s.tick(i, amount));
    const revenueBefore = await balanceOf(platformRevenue);

    expect(await s.settle("1")).toEqual({ status: "posted", amount: 3_337n });
    const { fee, creatorShare } = splitFee(3_337n, 1_500);
    expect(await balanceOf(s.escrowWalletId)).toBe(0n);
    expect(await balanceOf(s.earnings)).toBe(creatorShare);
    expect((await balanceOf(platformRevenue)) - revenueBefore).toBe(fee);

    const [transferRow] = await t.db
      .select()
      .from(ledgerTransfers)
      .where(eq(ledgerTransfers.idempotencyKey, `settle:${s.sessionId}:1`));
    expect(transferRow?.amount).toBe(3_337n);
    const entries = await t.db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.transferId, transferRow?.id ?? ""));
    expect(new Map(entries.map((e) => [e.walletId, e.amount]))).toEqual(
      new Map([
        [s.escrowWalletId, -3_337n],
        [s.earnings, creatorShare],
        [platformRevenue, fee],
      ]),
    );
    for (const e of entries) {
      expect(e).toMatchObject({
        type: "DEBIT",
        referenceType: "METER_EVENT",
        referenceId: s.sessionId,
        metadata: { sessionId: s.sessionId, streamId: s.streamId, settlementKey: "1", feeBps: 1_500 },
      });
    }
    expect(await getSessionLedgerTotals(t.db, s)).toEqual({
      intervals: 3,
      totalDebited: 3_337n,
      escrowBalance: 0n,
      settled: 3_337n,
    });
    expect(await checkLedgerInvariants(t.db)).toEqual([]);
  });

  it("posts nothing for a replayed key or an empty escrow; what came later waits for the next key", async () => {
    const s = await openSession({ funds: 10_000n });
    expect(await s.settle("1")).toEqual({ status: "empty", amount: 0n });
    expect(await isTransactionIdempotent(t.db, `settle:${s.sessionId}:1`)).toBe(false);

    await bookMeterTick(t.db, s.tick(0));
    expect(await s.settle("1")).toEqual({ status: "posted", amount: PRICE });
    await bookMeterTick(t.db, s.tick(1, 700n));
    const replays = await Promise.all([s.settle("1"), s.settle("1"), s.settle("1")]);
    expect(replays).toEqual(Array.from({ length: 3 }, () => ({ status: "duplicate", amount: PRICE })));
    expect(await balanceOf(s.escrowWalletId)).toBe(700n);
    expect(await balanceOf(s.earnings)).toBe(splitFee(PRICE, s.feeBps).creatorShare);

    expect(await s.settle("final")).toEqual({ status: "posted", amount: 700n });
    expect(await s.settle("final")).toEqual({ status: "duplicate", amount: 700n });
    expect(await balanceOf(s.escrowWalletId)).toBe(0n);
  });

  it("omits a zero share: an all-fee or fee-free settlement still balances", async () => {
    const allFee = await openSession({ funds: 5_000n, feeBps: 10_000 });
    await bookMeterTick(t.db, allFee.tick(0));
    expect(await allFee.settle("final")).toEqual({ status: "posted", amount: PRICE });
    expect(await balanceOf(allFee.earnings)).toBe(0n);
    const feeFree = await openSession({ funds: 5_000n, feeBps: 0 });
    await bookMeterTick(t.db, feeFree.tick(0));
    expect(await feeFree.settle("final")).toEqual({ status: "posted", amount: PRICE });
    expect(await balanceOf(feeFree.earnings)).toBe(PRICE);
    expect(await checkLedgerInvariants(t.db)).toEqual([]);
  });

  it("refuses a wallet that is not a session escrow", async () => {
    const s = await openSession({ funds: 5_000n });
    await expect(
      settleSessionEscrow(t.db, {
        sessionId: s.sessionId,
        escrowWalletId: s.earnings,
        creatorId: s.creatorId,
        feeBps: 0,
        settlementKey: "1",
      }),
    ).rejects.toThrow(/not a SESSION_ESCROW/);
    await expect(s.settle("")).rejects.toThrow(/empty settlement key/);
  });

  it("loses nothing when settlements race ticks: final escrow + settled == total debited", async () => {
    const creator = await newCreator();
    const sessions = await Promise.all(Array.from({ length: 3 }, () => openSession({ funds: 60n * PRICE, creator })));
    const revenueBefore = await balanceOf(platformRevenue);
    const ticks = sessions.flatMap((s) => Array.from({ length: 40 }, (_, i) => bookMeterTick(t.db, s.tick(i))));
    // Every session settled under ten keys (three of them twice) while its ticks land.
    const settlements = sessions.flatMap((s) => Array.from({ length: 13 }, (_, k) => s.settle(String(k % 10))));
    const [tickResults, settleResults] = await Promise.all([Promise.all(ticks), Promise.all(settlements)]);
    expect(tickResults.every((r) => r.status === "booked")).toBe(true);

    let settled = 0n;
    let fees = 0n;
    for (const r of settleResults) {
      if (r.status !== "posted") continue;
      settled += r.amount;
      fees += splitFee(r.amount, 2_000).fee;
    }
    let escrows = 0n;
    for (const s of sessions) {
      const totals = await getSessionLedgerTotals(t.db, s);
      expect(totals.totalDebited).toBe(40n * PRICE);
      expect(totals.escrowBalance).toBeGreaterThanOrEqual(0n);
      escrows += totals.escrowBalance;
    }
    expect(escrows + settled).toBe(3n * 40n * PRICE);
    expect(await balanceOf(creator.earnings)).toBe(settled - fees);
    expect((await balanceOf(platformRevenue)) - revenueBefore).toBe(fees);

    const finals = await Promise.all(sessions.map((s) => s.settle("final")));
    expect(finals.reduce((sum, r) => sum + r.amount, 0n)).toBe(escrows);
    for (const s of sessions) expect(await balanceOf(s.escrowWalletId)).toBe(0n);
    expect(await checkLedgerInvariants(t.db)).toEqual([]);
  });

  it("never takes an escrow below zero when many settlement keys race", async () => {
    const s = await openSession({ funds: 10n * PRICE });
    for (let i = 0; i < 7; i++) await bookMeterTick(t.db, s.tick(i));
    const results = await Promise.all(Array.from({ length: 12 }, (_, k) => s.settle(`race-${k}`)));
    const posted = results.filter((r) => r.status === "posted");
    expect(posted.reduce((sum, r) => sum + r.amount, 0n)).toBe(7n * PRICE);
    expect(results.every((r) => r.status === "posted" || r.status === "empty")).toBe(true);
    expect(await balanceOf(s.escrowWalletId)).toBe(0n);
    expect(await checkLedgerInvariants(t.db)).toEqual([]);
  });
});

const SESSIONS = 3;
type Op =
  | { kind: "tick"; session: number; interval: number; amount: bigint }
  | { kind: "settle"; session: number; key: number }
  | { kind: "deposit"; session: number; amount: bigint };

const session = fc.integer({ min: 0, max: SESSIONS - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    // Few intervals per session, so replays are common; amounts up to 2.5 credits, some zero.
    arbitrary: fc.record({
      kind: fc.constant("tick" as const),
      session,
      interval: fc.integer({ min: 0, max: 7 }),
      amount: fc.oneof({ weight: 1, arbitrary: fc.constant(0n) }, { weight: 6, arbitrary: fc.bigInt(1n, 2_500n) }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("settle" as const), session, key: fc.integer({ min: 0, max: 2 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("deposit" as const), session, amount: fc.bigInt(1n, 3_000n) }),
  },
);
const feeArb = fc.oneof(fc.constantFrom(0, 2_000, 10_000), fc.integer({ min: 0, max: 10_000 }));

interface World {
  creator: Awaited<ReturnType<typeof newCreator>>;
  sessions: Awaited<ReturnType<typeof openSession>>[];
  /** What each viewer was given, in total. */
  funded: bigint[];
  revenueBefore: bigint;
}

async function newWorld(feeBps: number, funds: bigint): Promise<World> {
  const creator = await newCreator();
  // Sessions 0 and 1 belong to one viewer (two sessions at once); session 2 to another.
  const first = await openSession({ funds, feeBps, creator });
  const second = await openSession({ funds: 0n, feeBps, creator, viewerId: first.viewerId });
  const third = await openSession({ funds, feeBps, creator });
  return {
    creator,
    sessions: [first, second, third],
    funded: [funds, 0n, funds],
    revenueBefore: await balanceOf(platformRevenue),
  };
}

/** The viewer account index an op's session draws on (sessions 0 and 1 share viewer 0). */
const viewerOf = (s: number) => (s === 1 ? 0 : s);

async function run(world: World, op: Op, step: number): Promise<MeterTickBooking | SessionEscrowSettlement | null> {
  const s = world.sessions[op.session];
  if (!s) throw new Error("no session");
  switch (op.kind) {
    case "tick":
      return bookMeterTick(t.db, s.tick(op.interval, op.amount));
    case "settle":
      return s.settle(String(op.key));
    case "deposit": {
      const userId = world.sessions[viewerOf(op.session)]?.viewerId ?? "";
      await creditWallet(t.db, { userId, provider: "STRIPE", amount: op.amount, paymentId: `dep-${userId}-${step}` });
      world.funded[viewerOf(op.session)] = (world.funded[viewerOf(op.session)] ?? 0n) + op.amount;
      return null;
    }
  }
}

/** Conservation, checked against the database alone: money only moved viewer → escrow → creator/platform. */
async function assertConserved(world: World): Promise<bigint> {
  let debited = 0n;
  let escrows = 0n;
  for (const s of world.sessions) {
    const totals = await getSessionLedgerTotals(t.db, s);
    debited += totals.totalDebited;
    escrows += totals.escrowBalance;
    expect(totals.escrowBalance).toBeGreaterThanOrEqual(0n);
  }
  const lost =
    (world.funded[0] ?? 0n) -
    (await getWalletBalance(t.db, world.sessions[0]?.viewerId ?? "")).balance +
    (world.funded[2] ?? 0n) -
    (await getWalletBalance(t.db, world.sessions[2]?.viewerId ?? "")).balance;
  const earned = await balanceOf(world.creator.earnings);
  const revenue = (await balanceOf(platformRevenue)) - world.revenueBefore;
  expect(earned + revenue + escrows).toBe(debited);
  expect(lost).toBe(debited);
  // Each (session, interval) billed at most once: one meter event and at most one transfer per key.
  for (const s of world.sessions) {
    const events = await t.db.select().from(meterEvents).where(eq(meterEvents.sessionId, s.sessionId));
    expect(new Set(events.map((e) => e.intervalIndex)).size).toBe(events.length);
    const transfers = await t.db
      .select({ key: ledgerTransfers.idempotencyKey, amount: ledgerTransfers.amount })
      .from(ledgerTransfers)
      .where(like(ledgerTransfers.idempotencyKey, `meter:${s.sessionId}:%`));
    expect(transfers.length).toBe(events.filter((e) => e.creditsDebited > 0n).length);
  }
  expect(await checkLedgerInvariants(t.db)).toEqual([]);
  return debited;
}

describe("metering ledger (property)", () => {
  it("books each interval once, settles exactly, and balances match a model", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 30 }), feeArb, async (ops, feeBps) => {
        const world = await newWorld(feeBps, 6_000n);
        const wallet = [6_000n, 0n, 6_000n];
        const escrow = [0n, 0n, 0n];
        const billed = new Map<string, bigint>();
        const settledKeys = new Map<string, bigint>();
        let earnings = 0n;
        let revenue = 0n;
        const settleModel = (session: number, key: string) => {
          const amount = escrow[session] ?? 0n;
          if (amount === 0n) return { status: "empty", amount: 0n } as const;
          settledKeys.set(`${session}:${key}`, amount);
          escrow[session] = 0n;
          const { fee, creatorShare } = splitFee(amount, feeBps);
          earnings += creatorShare;
          revenue += fee;
          return { status: "posted", amount } as const;
        };

        for (const [step, op] of ops.entries()) {
          const result = await run(world, op, step);
          const v = viewerOf(op.session);
          if (op.kind === "deposit") {
            wallet[v] = (wallet[v] ?? 0n) + op.amount;
          } else if (op.kind === "tick") {
            const key = `${op.session}:${op.interval}`;
            const prior = billed.get(key);
            if (prior !== undefined) {
              expect(result).toMatchObject({ status: "duplicate", debited: prior });
            } else if ((wallet[v] ?? 0n) < op.amount) {
              expect(result).toEqual({ status: "insufficient", balance: wallet[v] });
            } else {
              wallet[v] = (wallet[v] ?? 0n) - op.amount;
              escrow[op.session] = (escrow[op.session] ?? 0n) + op.amount;
              billed.set(key, op.amount);
              expect(result).toMatchObject({ status: "booked", debited: op.amount, balanceAfter: wallet[v] });
            }
          } else {
            const prior = settledKeys.get(`${op.session}:${op.key}`);
            if (prior !== undefined) expect(result).toEqual({ status: "duplicate", amount: prior });
            else expect(result).toEqual(settleModel(op.session, String(op.key)));
          }
        }
        for (const [i, s] of world.sessions.entries()) {
          expect(await s.settle("final")).toEqual(settleModel(i, "final"));
          expect(await balanceOf(s.escrowWalletId)).toBe(0n);
        }
        const debited = await assertConserved(world);
        expect(debited).toBe([...billed.values()].reduce((a, b) => a + b, 0n));
        expect(await balanceOf(world.creator.earnings)).toBe(earnings);
        expect((await balanceOf(platformRevenue)) - world.revenueBefore).toBe(revenue);
        for (const [i, s] of world.sessions.entries()) {
          if (i === 1) continue;
          expect((await getWalletBalance(t.db, s.viewerId)).balance).toBe(wallet[viewerOf(i)]);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("conserves money and bills each interval once when everything races", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 40 }), feeArb, async (ops, feeBps) => {
        const world = await newWorld(feeBps, 8_000n);
        const results = await Promise.all(ops.map((op, step) => run(world, op, step)));
        // Per interval, the booked amount is the one every duplicate answers.
        const answers = new Map<string, bigint>();
        for (const [i, op] of ops.entries()) {
          const r = results[i];
          if (op.kind !== "tick" || !r || !("debited" in r)) {
            continue;
          }
          const key = `${op.session}:${op.interval}`;
          const seen = answers.get(key);
          if (seen !== undefined) expect(r.debited).toBe(seen);
          answers.set(key, r.debited);
        }
        expect(results.filter((r) => r !== null && r.status === "booked").length).toBeLessThanOrEqual(
          new Set(ops.filter((op) => op.kind === "tick").map((op) => `${op.session}:${op.interval}`)).size,
        );
        await Promise.all(world.sessions.map((s) => s.settle("final")));
        const debited = await assertConserved(world);
        expect(debited).toBe([...answers.values()].reduce((a, b) => a + b, 0n));
      }),
      { numRuns: 15 },
    );
  });
});
