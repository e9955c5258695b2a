// Ledger throughput: `transfer` through node-postgres + Drizzle, then the same SQL through
// pgbench as the ceiling. Loopback Postgres only; creates and drops its own database.
//   BENCH_CONCURRENCY (8)  workers / pgbench clients
//   BENCH_SECONDS (10)     measured seconds per side
//   BENCH_VIEWERS (1000)   viewers drawn at random; all pay one hot creator
//   PGBENCH (/usr/lib/postgresql/15/bin/pgbench)
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { drizzle } from "drizzle-orm/node-postgres";
import { createFreshDatabase, migrateDatabase, openDb, type ScriptDb } from "./lib/database.ts";
import { users } from "../worker/users/users.schema.ts";
import { wallets } from "../worker/wallet/wallet.schema.ts";
import { checkLedgerInvariants, creditWallet, transfer } from "../worker/wallet/index.ts";
import { runPgbench } from "./lib/bench-pgbench.ts";

const BASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const CONCURRENCY = positiveInt("BENCH_CONCURRENCY", 8, 256);
const SECONDS = positiveInt("BENCH_SECONDS", 10, 600);
const VIEWERS = positiveInt("BENCH_VIEWERS", 1000, 100_000);
const PGBENCH = process.env.PGBENCH ?? "/usr/lib/postgresql/15/bin/pgbench";
const PRICE = 1_000n; // one credit per interval
const FEE_BPS = 2_000;
const WARMUP_MS = 1_000;

// Fixed ids, so the pgbench script can name every account (it still runs transfer's lookup
// query, but needs no result from it).
// A viewer's wallet id sorts before, between or after the two hot accounts (creator 5…,
// platform a…) by viewer number mod 3, as random ids would; postTransfer locks in id order
// and the pgbench script follows the same order in each case.
const CREATOR_USER = "c0000000-0000-4000-8000-000000000000";
const CREATOR_EARNINGS = "50000000-0000-4000-8000-000000000000";
const PLATFORM_REVENUE = "a0000000-0000-4000-8000-000000000000";
const STRIPE_CLEARING = "f0000000-0000-4000-8000-000000000001";
const COINBASE_CLEARING = "f0000000-0000-4000-8000-000000000002";
const VIEWER_PREFIX = ["0", "7", "c"] as const;
const viewerUser = (v: number) => `00000000-0000-4000-8000-${String(v).padStart(12, "0")}`;
const viewerWallet = (v: number) => `${VIEWER_PREFIX[v % 3]}0000000-0000-4000-8000-${String(v).padStart(12, "0")}`;

function positiveInt(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${name} must be an integer 1–${max}`);
  return value;
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "[::1]", "::1"].includes(host)) {
    throw new Error(`bench-ledger runs against loopback Postgres only, not ${host}`);
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function setUp(db: ScriptDb): Promise<void> {
  await db.insert(users).values({ id: CREATOR_USER, email: "creator@bench.local", passwordHash: "x", role: "CREATOR" });
  await db.insert(wallets).values([
    { id: CREATOR_EARNINGS, kind: "CREATOR_EARNINGS", userId: CREATOR_USER },
    { id: PLATFORM_REVENUE, kind: "PLATFORM_REVENUE" },
    { id: STRIPE_CLEARING, kind: "PROVIDER_CLEARING", provider: "STRIPE" },
    { id: COINBASE_CLEARING, kind: "PROVIDER_CLEARING", provider: "COINBASE" },
  ]);
  for (let start = 1; start <= VIEWERS; start += 500) {
    const batch = Array.from({ length: Math.min(500, VIEWERS - start + 1) }, (_, i) => start + i);
    await db
      .insert(users)
      .values(batch.map((v) => ({ id: viewerUser(v), email: `viewer${v}@bench.local`, passwordHash: "x" })));
    await db
      .insert(wallets)
      .values(batch.map((v) => ({ id: viewerWallet(v), kind: "USER" as const, userId: viewerUser(v) })));
  }
  // Funded through the real deposit path, enough for any run.
  let next = 1;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let v = next++; v <= VIEWERS; v = next++) {
        await creditWallet(db, {
          userId: viewerUser(v),
          provider: "STRIPE",
          amount: 10n ** 12n,
          paymentId: `bench-fund-${v}`,
        });
      }
    }),
  );
}

interface NodeRun {
  transfers: number;
  seconds: number;
  /** CPU this process spent (user + system), ms. */
  cpuMs: number;
  latenciesMs: number[];
  other: Record<string, number>;
}

async function runNode(db: ScriptDb, durationMs: number, tag: string): Promise<NodeRun> {
  const latenciesMs: number[] = [];
  const other: Record<string, number> = {};
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const v = 1 + Math.floor(Math.random() * VIEWERS);
        const t0 = performance.now();
        const result = await transfer(db, {
          viewerId: viewerUser(v),
          creatorId: CREATOR_USER,
          amount: PRICE,
          feeBps: FEE_BPS,
          idempotencyKey: `bench:${tag}:${worker}:${i}`,
          referenceId: `bench:${worker}:${i}`,
        });
        if (result.status === "posted") latenciesMs.push(performance.now() - t0);
        else other[result.status] = (other[result.status] ?? 0) + 1;
      }
    }),
  );
  const cpu = process.cpuUsage(cpuStart);
  const seconds = (performance.now() - started) / 1000;
  return { transfers: latenciesMs.length, seconds, cpuMs: (cpu.user + cpu.system) / 1000, latenciesMs, other };
}

/** Counts the statements one `transfer` sends, to show the pgbench script matches it. */
async function countStatements(url: string): Promise<number> {
  const { pool } = openDb(url, 1);
  let statements = 0;
  const db = drizzle(pool, { logger: { logQuery: () => void (statements += 1) } });
  try {
    await transfer(db, {
      viewerId: viewerUser(1),
      creatorId: CREATOR_USER,
      amount: PRICE,
      feeBps: FEE_BPS,
      idempotencyKey: "bench:count",
      referenceId: "bench:count",
    });
  } finally {
    await pool.end();
  }
  return statements;
}

/** The statements `transfer` sends (see postTransfer), as a pgbench custom script. */
function pgbenchScript(): { text: string; statements: number } {
  const fee = (PRICE * BigInt(FEE_BPS)) / 10_000n;
  const share = PRICE - fee;
  const viewerId = (prefix: string) => `('${prefix}0000000-0000-4000-8000-' || lpad((:v)::text, 12, '0'))::uuid`;
  const viewerUserId = `('00000000-0000-4000-8000-' || lpad((:v)::text, 12, '0'))::uuid`;
  const update = (walletExpr: string, amount: bigint, conditional: boolean, as: string) =>
    `UPDATE "wallet" SET "balance" = "wallet"."balance" + ${amount}, "updated_at" = now() WHERE ` +
    (conditional
      ? `("wallet"."id" = ${walletExpr} AND ("wallet"."balance" >= ${-amount} OR "wallet"."kind" = 'PROVIDER_CLEARING'))`
      : `"wallet"."id" = ${walletExpr}`) +
    ` RETURNING "balance" AS ${as}b, "user_id" AS ${as}u \\gset`;
  const creator = update(`'${CREATOR_EARNINGS}'::uuid`, share, false, "c");
  const platform = update(`'${PLATFORM_REVENUE}'::uuid`, fee, false, "p");
  const entry = (walletExpr: string, userExpr: string, amount: bigint, balanceVar: string) =>
    `(default, :tid, ${walletExpr}, ${userExpr}, 'DEBIT', ${amount}, :${balanceVar}, default, 'METER_EVENT', 'pgbench', false, '{"feeBps":${FEE_BPS}}', clock_timestamp())`;
  const branches = VIEWER_PREFIX.map((prefix, r) => {
    const viewer = update(viewerId(prefix), -PRICE, true, "v");
    const ordered =
      r === 0 ? [viewer, creator, platform] : r === 1 ? [creator, viewer, platform] : [creator, platform, viewer];
    const insert =
      `INSERT INTO "ledger_entry" ("id", "transfer_id", "wallet_id", "user_id", "type", "amount", "balance_after", "currency", "reference_type", "reference_id", "clawback", "metadata", "created_at") VALUES ` +
      [
        entry(viewerId(prefix), viewerUserId, -PRICE, "vb"),
        entry(`'${CREATOR_EARNINGS}'::uuid`, `'${CREATOR_USER}'::uuid`, share, "cb"),
        entry(`'${PLATFORM_REVENUE}'::uuid`, "NULL", fee, "pb"),
      ].join(", ") +
      " RETURNING *;";
    return [`${r === 0 ? "\\if" : "\\elif"} :r = ${r}`, ...ordered, insert].join("\n");
  });
  const lookup =
    `SELECT "id", "kind", "user_id", "provider" FROM "wallet" WHERE (("wallet"."kind" = 'USER' AND "wallet"."user_id" = ${viewerUserId}) ` +
    `OR ("wallet"."kind" = 'CREATOR_EARNINGS' AND "wallet"."user_id" = '${CREATOR_USER}'::uuid) OR "wallet"."kind" = 'PLATFORM_REVENUE');`;
  const claim =
    `INSERT INTO "ledger_transfer" ("id", "idempotency_key", "amount", "description", "created_at") ` +
    `VALUES (default, 'pgbench:' || gen_random_uuid()::text, ${PRICE}, 'Stream metering', default) ` +
    `ON CONFLICT ("idempotency_key") DO NOTHING RETURNING "id" AS tid \\gset`;
  const text = [
    "\\set v random(1, :viewers)",
    "\\set r :v % 3",
    lookup,
    "BEGIN;",
    claim,
    ...branches,
    "\\endif",
    "COMMIT;",
    "",
  ].join("\n");
  // Per transfer: lookup, BEGIN, claim, three updates (one branch), the entries insert, COMMIT.
  return { text, statements: 8 };
}

async function main(): Promise<void> {
  assertLoopback(BASE_URL);
  const hardStop = setTimeout(
    () => {
      console.error("bench-ledger: overall time limit reached");
      process.exit(2);
    },
    (2 * SECONDS + 240) * 1000,
  );
  hardStop.unref();

  const fresh = await createFreshDatabase(BASE_URL, "tollgate_bench");
  const { db, pool } = openDb(fresh.url, CONCURRENCY + 2);
  try {
    await migrateDatabase(fresh.url);
    console.log(`setting up: ${VIEWERS} viewers, one hot creator, database ${new URL(fresh.url).pathname.slice(1)}`);
    await setUp(db);
    const nodeStatements = await countStatements(fresh.url);
    const script = pgbenchScript();
    if (nodeStatements !== script.statements) {
      throw new Error(`transfer sent ${nodeStatements} statements but the pgbench script has ${script.statements}`);
    }

    // Each side starts from a vacuumed table: the hot rows' dead versions pile up during a
    // run and slow whatever runs next.
    const vacuum = () => pool.query("vacuum analyze wallet, ledger_transfer, ledger_entry");
    console.log(
      `host: ${availableParallelism()} CPUs shared with Postgres, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    console.log(`node: ${CONCURRENCY} workers, ${WARMUP_MS} ms warm-up, then ${SECONDS} s`);
    await runNode(db, WARMUP_MS, "warmup");
    await vacuum();
    const node = await runNode(db, SECONDS * 1000, "run");
    node.latenciesMs.sort((a, b) => a - b);
    const nodeTps = node.transfers / node.seconds;

    console.log(`pgbench: ${CONCURRENCY} clients, ${SECONDS} s, same ${script.statements} statements per transfer`);
    await vacuum();
    const bench = await runPgbench(fresh.url, script.text, {
      clients: CONCURRENCY,
      threads: CONCURRENCY,
      seconds: SECONDS,
      vars: { viewers: VIEWERS },
      pgbench: PGBENCH,
    });

    const violations = await checkLedgerInvariants(db);
    const ratio = nodeTps / bench.tps;
    const fmt = (n: number) => n.toFixed(2);
    console.log("");
    console.log(
      `transfer via node-postgres/drizzle: ${nodeTps.toFixed(0)} transfers/s  p50 ${fmt(percentile(node.latenciesMs, 50))} ms  p99 ${fmt(percentile(node.latenciesMs, 99))} ms  (${node.transfers} posted${Object.keys(node.other).length ? `, other: ${JSON.stringify(node.other)}` : ""})`,
    );
    console.log(
      `same SQL via pgbench (ceiling):     ${bench.tps.toFixed(0)} transfers/s  p50 ${fmt(percentile(bench.latenciesMs, 50))} ms  p99 ${fmt(percentile(bench.latenciesMs, 99))} ms  (${bench.transactions} committed, ${bench.failed} failed)`,
    );
    console.log(`ratio node/pgbench: ${ratio.toFixed(2)} (aim ≥ 0.50)`);
    const cpuPerTransfer = (node.cpuMs * 1000) / Math.max(1, node.transfers);
    const busy = (node.cpuMs / 1000 / node.seconds) * 100;
    console.log(
      `limit: every transfer updates the same two hot rows (creator earnings, platform revenue), whose locks are held ` +
        `from the first hot UPDATE through COMMIT's WAL flush, so transfers serialise on them. ` +
        `The node side holds those locks longer: each statement costs it client CPU (${cpuPerTransfer.toFixed(0)} µs ` +
        `per transfer here, ${busy.toFixed(0)}% of a core, on ${availableParallelism()} CPUs shared with Postgres) and an ` +
        `event-loop turn before the next statement goes out.`,
    );
    console.log(
      `ledger invariants after both runs: ${violations.length === 0 ? "ok" : JSON.stringify(violations, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))}`,
    );
    if (violations.length > 0) process.exitCode = 1;
  } finally {
    await pool.end();
    await fresh.drop();
    clearTimeout(hardStop);
  }
}

await main();
