import { eq, sql, TransactionRollbackError } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaymentProvider } from "../../contracts/payments.ts";
import { streams } from "../streams/streams.schema.ts";
import { ledgerEntries, ledgerTransfers, meterEvents, wallets } from "./wallet.schema.ts";
import { adjustWallet } from "./adjust-wallet.ts";
import { checkLedgerInvariants, type LedgerViolation } from "./check-ledger-invariants.ts";
import { creditWallet } from "./credit-wallet.ts";
import { debitWallet } from "./debit-wallet.ts";
import { ensureCreatorEarnings, ensureUserWallet } from "./ensure-accounts.ts";
import { openSessionEscrow } from "./open-session-escrow.ts";
import type { PostTransferResult } from "./post-transfer.ts";
import { refundWallet } from "./refund-wallet.ts";
import { splitFee } from "./split-fee.ts";
import { createTestUser, openTestDb, type TestDb } from "../../test/support/db.ts";
import { transfer } from "./transfer.ts";

let t: TestDb;
let adminId = "";
beforeAll(async () => {
  t = openTestDb(16);
  adminId = await createTestUser(t.db, "admin");
});
afterAll(() => t.close());

const USERS = 3;
type Op =
  | { kind: "deposit"; user: number; amount: bigint; provider: PaymentProvider }
  | { kind: "debit"; user: number; amount: bigint }
  | { kind: "transfer"; viewer: number; creator: number; amount: bigint; feeBps: number }
  | { kind: "refund"; user: number; amount: bigint; provider: PaymentProvider }
  | { kind: "adjust"; user: number; amount: bigint }
  | { kind: "replay"; of: number };

const user = fc.integer({ min: 0, max: USERS - 1 });
const provider = fc.constantFrom<PaymentProvider>("STRIPE", "COINBASE");
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("deposit" as const), user, amount: fc.bigInt(1n, 10_000n), provider }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("debit" as const), user, amount: fc.bigInt(1n, 6_000n) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("transfer" as const),
      viewer: user,
      creator: user,
      amount: fc.bigInt(1n, 6_000n),
      feeBps: fc.oneof(fc.constantFrom(0, 2_000, 10_000), fc.integer({ min: 0, max: 10_000 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("refund" as const), user, amount: fc.bigInt(1n, 8_000n), provider }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("adjust" as const),
      user,
      amount: fc.bigInt(-5_000n, 5_000n).filter((a) => a !== 0n),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("replay" as const), of: fc.nat() }) },
);

interface World {
  run: string;
  users: string[];
}

async function newWorld(): Promise<World> {
  const users = await Promise.all(Array.from({ length: USERS }, () => createTestUser(t.db, "prop")));
  return { run: crypto.randomUUID(), users };
}

/** The original op a replay repeats (same idempotency key), or the op itself. */
function resolveOp(ops: readonly Op[], index: number): { op: Exclude<Op, { kind: "replay" }>; keyIndex: number } {
  let i = index;
  for (let hops = 0; hops <= ops.length; hops++) {
    const op = ops[i];
    if (!op) break;
    if (op.kind !== "replay") return { op, keyIndex: i };
    if (i === 0) break;
    i = op.of % i;
  }
  return { op: { kind: "debit", user: 0, amount: 1n }, keyIndex: index };
}

function execute(world: World, ops: readonly Op[], index: number): Promise<PostTransferResult> {
  const { op, keyIndex } = resolveOp(ops, index);
  const key = `prop:${world.run}:${keyIndex}`;
  const u = (n: number) => world.users[n] ?? "";
  switch (op.kind) {
    case "deposit":
      return creditWallet(t.db, { userId: u(op.user), provider: op.provider, amount: op.amount, paymentId: key });
    case "debit":
      return debitWallet(t.db, {
        userId: u(op.user),
        amount: op.amount,
        referenceType: "METER_EVENT",
        referenceId: key,
        idempotencyKey: key,
      });
    case "transfer":
      return transfer(t.db, {
        viewerId: u(op.viewer),
        creatorId: u(op.creator),
        amount: op.amount,
        feeBps: op.feeBps,
        idempotencyKey: key,
        referenceId: key,
      });
    case "refund":
      return refundWallet(t.db, { userId: u(op.user), provider: op.provider, amount: op.amount, refundId: key });
    case "adjust":
      return adjustWallet(t.db, {
        userId: u(op.user),
        amount: op.amount,
        reason: "property test",
        adminId,
        idempotencyKey: key,
      });
  }
}

async function balancesOf(world: World): Promise<{ wallet: bigint[]; earnings: bigint[] }> {
  const read = async (walletId: string) =>
    (await t.db.select({ balance: wallets.balance }).from(wallets).where(eq(wallets.id, walletId)))[0]?.balance;
  const wallet: bigint[] = [];
  const earnings: bigint[] = [];
  for (const id of world.users) {
    wallet.push((await read(await ensureUserWallet(t.db, id))) ?? -1n);
    earnings.push((await read(await ensureCreatorEarnings(t.db, id))) ?? -1n);
  }
  return { wallet, earnings };
}

describe("ledger invariants", () => {
  it("hold after any sequence of bookings, and balances match a simple model", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        const world = await newWorld();
        const wallet = Array.from({ length: USERS }, () => 0n);
        const earnings = Array.from({ length: USERS }, () => 0n);
        const booked = new Set<number>();
        for (let i = 0; i < ops.length; i++) {
          const { op, keyIndex } = resolveOp(ops, i);
          const result = await execute(world, ops, i);
          if (booked.has(keyIndex)) {
            expect(result.status).toBe("duplicate");
            continue;
          }
          let expected: PostTransferResult["status"] = "posted";
          switch (op.kind) {
            case "deposit":
              wallet[op.user] = (wallet[op.user] ?? 0n) + op.amount;
              break;
            case "refund":
              wallet[op.user] = (wallet[op.user] ?? 0n) - op.amount;
              break;
            case "debit":
            case "adjust": {
              const delta = op.kind === "debit" ? -op.amount : op.amount;
              const next = (wallet[op.user] ?? 0n) + delta;
              if (delta < 0n && next < 0n) expected = "insufficient_funds";
              else wallet[op.user] = next;
              break;
            }
            case "transfer": {
              const next = (wallet[op.viewer] ?? 0n) - op.amount;
              if (next < 0n) expected = "insufficient_funds";
              else {
                wallet[op.viewer] = next;
                earnings[op.creator] = (earnings[op.creator] ?? 0n) + splitFee(op.amount, op.feeBps).creatorShare;
              }
              break;
            }
          }
          expect(result.status).toBe(expected);
          if (expected === "posted") booked.add(keyIndex);
        }
        expect(await balancesOf(world)).toEqual({ wallet, earnings });
        expect(await checkLedgerInvariants(t.db)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it("hold when the same kinds of bookings race each other", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 40 }), async (ops) => {
        const world = await newWorld();
        const results = await Promise.all(ops.map((_, i) => execute(world, ops, i)));
        // Per key, at most one booking happened no matter how many replays raced.
        const postedKeys = results.flatMap((r, i) => (r.status === "posted" ? [resolveOp(ops, i).keyIndex] : []));
        expect(new Set(postedKeys).size).toBe(postedKeys.length);
        const { wallet } = await balancesOf(world);
        const negatives = wallet.filter((b) => b < 0n);
        const refunds = ops.filter((op) => op.kind === "refund").length;
        if (refunds === 0) expect(negatives).toEqual([]);
        expect(await checkLedgerInvariants(t.db)).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  it("detects each kind of corruption (checked inside a rolled-back transaction)", async () => {
    const userId = await createTestUser(t.db);
    await creditWallet(t.db, { userId, provider: "STRIPE", amount: 1_000n, paymentId: `corrupt-${userId}` });
    const walletId = await ensureUserWallet(t.db, userId);
    let found: string[] = [];
    await t.db
      .transaction(async (tx) => {
        const [transferRow] = await tx
          .insert(ledgerTransfers)
          .values({ idempotencyKey: `corrupt:${userId}`, amount: 5n, description: "rogue" })
          .returning({ id: ledgerTransfers.id });
        // A one-legged, non-clawback entry that takes the wallet to -4000; the cache then says -3000.
        await tx.insert(ledgerEntries).values({
          transferId: transferRow?.id ?? "",
          walletId,
          userId,
          type: "DEBIT",
          amount: -5_000n,
          balanceAfter: -4_000n,
          referenceType: "ADMIN",
          referenceId: "rogue",
        });
        await tx
          .update(wallets)
          .set({ balance: sql`-3000` })
          .where(eq(wallets.id, walletId));
        found = (await checkLedgerInvariants(tx)).map((v) => v.kind).sort();
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
    expect(found).toEqual([
      "CACHE_MISMATCH",
      "GLOBAL_SUM_NONZERO",
      "UNBALANCED_TRANSFER",
      "UNEXPLAINED_NEGATIVE_BALANCE",
      "UNEXPLAINED_NEGATIVE_ENTRY",
    ]);
    expect(await checkLedgerInvariants(t.db)).toEqual([]);
  });

  it("detects a negative session escrow and a meter event its transfer does not match", async () => {
    const userId = await createTestUser(t.db);
    await creditWallet(t.db, { userId, provider: "STRIPE", amount: 1_000n, paymentId: `escrow-${userId}` });
    const userWallet = await ensureUserWallet(t.db, userId);
    let found: LedgerViolation[] = [];
    await t.db
      .transaction(async (tx) => {
        const escrow = await openSessionEscrow(tx, { sessionId: crypto.randomUUID() });
        // A balanced transfer that overdraws the escrow into the user's wallet.
        const [transferRow] = await tx
          .insert(ledgerTransfers)
          .values({ idempotencyKey: `overdraw:${userId}`, amount: 7n, description: "rogue" })
          .returning({ id: ledgerTransfers.id });
        const transferId = transferRow?.id ?? "";
        const leg = { transferId, type: "DEBIT", referenceType: "METER_EVENT", referenceId: "rogue" } as const;
        await tx.insert(ledgerEntries).values([
          { ...leg, walletId: escrow, amount: -7n, balanceAfter: -7n },
          { ...leg, walletId: userWallet, userId, amount: 7n, balanceAfter: 1_007n },
        ]);
        await tx
          .update(wallets)
          .set({ balance: sql`balance - 7` })
          .where(eq(wallets.id, escrow));
        await tx
          .update(wallets)
          .set({ balance: sql`balance + 7` })
          .where(eq(wallets.id, userWallet));
        // A meter event claiming 5 millicredits for a transfer of 7.
        const [stream] = await tx
          .insert(streams)
          .values({ creatorId: userId, title: "rogue" })
          .returning({ id: streams.id });
        await tx.insert(meterEvents).values({
          userId,
          streamId: stream?.id ?? "",
          sessionId: crypto.randomUUID(),
          intervalIndex: 0,
          playbackMs: 10_000,
          creditsDebited: 5n,
          transferId,
        });
        found = await checkLedgerInvariants(tx);
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
    expect(found).toEqual([
      expect.objectContaining({ kind: "NEGATIVE_ACCOUNT", walletKind: "SESSION_ESCROW", lowest: -7n }),
      expect.objectContaining({ kind: "METER_EVENT_MISMATCH", creditsDebited: 5n, transferAmount: 7n }),
    ]);
    expect(await checkLedgerInvariants(t.db)).toEqual([]);
  });
});
