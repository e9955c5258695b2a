// Metering throughput end to end: viewers' ticks through HTTP → Worker → ViewerSession object →
// Postgres, under `wrangler dev` on loopback Postgres (through pgbouncer, as Neon's pooled
// endpoint), against ceilings measured in the same run (the tick's SQL through pgbench, a static
// asset through the same HTTP client), then the ledger audit and a double-charge count. Sessions
// start while the stack keeps up and each ticks once per interval; a one-request-at-a-time
// sample and /proc CPU accounting show where a tick's time goes. Runs from a snapshot of the
// working tree; creates and drops its own database.
//   npm run bench:meter -- [--sessions 2000] [--streams 20] [--connections 32] [--seconds 20]
//                          [--interval-ms 1000] [--warmup-seconds 5] [--no-pooler]
//   DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres)  PGBENCH (pgbench)  PGBOUNCER
import { createWriteStream, existsSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import WebSocket from "ws";
import { z } from "zod";
import { meterResultSchema } from "../contracts/metering.ts";
import { createDb } from "../worker/platform/db/client.ts";
import { streams } from "../worker/streams/streams.schema.ts";
import { profiles, users } from "../worker/users/users.schema.ts";
import { bookMeterTick, checkLedgerInvariants, creditWallet, ensureCreatorEarnings } from "../worker/wallet/index.ts";
import { wallets } from "../worker/wallet/wallet.schema.ts";
import { createBenchClient, hammer, latencyLine, percentile, type BenchClient } from "./lib/bench-http.ts";
import { runPgbench } from "./lib/bench-pgbench.ts";
import { assertLoopback, mintCookies, withHostPort, intOption } from "./lib/bench-setup.ts";
import { inSnapshot, runFromSnapshot } from "./lib/bench-snapshot.ts";
import { findPgbouncer, startPooler, type Pooler } from "./lib/bench-pooler.ts";
import { addCpu, cpuBetween, cpuSnapshot, type CpuGroup, type CpuUse } from "./lib/bench-proc.ts";
import { openDb, type ScriptDb } from "./lib/database.ts";
import { freePort } from "./lib/free-port.ts";
import { ephemeralJwtKey } from "./lib/jwt-dev-key.ts";
import { ROOT } from "./lib/paths.ts";
import { startStack, type Stack } from "./lib/stack.ts";

const { values: args } = parseArgs({
  options: {
    sessions: { type: "string", default: "2000" },
    streams: { type: "string", default: "20" },
    connections: { type: "string", default: "32" },
    seconds: { type: "string", default: "20" },
    "interval-ms": { type: "string", default: "1000" },
    "warmup-seconds": { type: "string", default: "5" },
    "no-pooler": { type: "boolean", default: false },
    /** http: POST /api/meter per tick; ws: the session's WebSocket; both: one run of each. */
    transport: { type: "string", default: "both" },
  },
});

const intArg = (name: keyof typeof args, min: number, max: number) => intOption(args, name, min, max);

const BASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SESSIONS = intArg("sessions", 1, 20_000);
const STREAMS = intArg("streams", 2, 1000);
const CONNECTIONS = intArg("connections", 1, 512);
const SECONDS = intArg("seconds", 1, 600);
const INTERVAL_MS = intArg("interval-ms", 500, 60_000);
const WARMUP_MS = intArg("warmup-seconds", 0, 120) * 1000;
const USE_POOLER = !args["no-pooler"];
const TRANSPORTS: Transport[] =
  args.transport === "both" ? ["http", "ws"] : args.transport === "ws" ? ["ws"] : ["http"];
type Transport = "http" | "ws";
/** The seed's default rate: 6 credits a minute, in millicredits. */
const RATE_PER_MINUTE = 6000n;
const TICK_PRICE = (RATE_PER_MINUTE * BigInt(INTERVAL_MS)) / 60_000n;
const FUNDING = 10n ** 12n;
/** Viewers the pgbench booking script draws from (distinct per client), and stage samples. */
const PGBENCH_VIEWERS = 512;
const SAMPLE_VIEWERS = 4;
const SAMPLE_ROUNDS = 15;
const PGBENCH_CLIENTS = 8;
const POOLER_SERVER_CONNECTIONS = 20;
const TOLERANCE_MS = Math.min(1000, Math.floor(INTERVAL_MS / 5));
/**
 * Admission: start another session only while running ones are ticked on time (none more than
 * ADMIT_LAG_MS overdue) and answered well inside the watchdog's two intervals (p90 of recent
 * ticks under half an interval). More sessions than the stack can serve would fall behind and
 * be ended by the watchdog, and the load would collapse instead of saturating the stack.
 */
const ADMIT_LAG_MS = 100;
const ADMIT_P90_MS = INTERVAL_MS / 2;
const MAX_STARTS_IN_FLIGHT = 2;
const RAMP_LIMIT_MS = 120_000;

// Fixed ids, so pgbench scripts and checks can name every row. Hex prefixes tell the kinds apart.
const pad = (n: number) => String(n).padStart(12, "0");
const idOf = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${pad(n)}`;
const ids = {
  viewer: (n: number) => idOf("00000000", n),
  viewerWallet: (n: number) => idOf("01000000", n),
  pgbViewer: (n: number) => idOf("10000000", n),
  pgbWallet: (n: number) => idOf("11000000", n),
  pgbEscrow: (n: number) => idOf("1e000000", n),
  sampleViewer: (n: number) => idOf("20000000", n),
  sampleWallet: (n: number) => idOf("21000000", n),
  sampleEscrow: (n: number) => idOf("2e000000", n),
  creator: (n: number) => idOf("c0000000", n),
  stream: (n: number) => idOf("5e000000", n),
};
/** Every other session watches the hot creator's stream 1 (so any prefix of them is half hot); the rest spread over the others. */
const streamOf = (viewer: number) => (viewer % 2 === 0 ? 1 : 2 + ((viewer >> 1) % (STREAMS - 1)));

/** The stages sampled one request at a time, each adding one step to the one before. */
const STAGE = {
  asset: "GET /favicon.svg (static asset)",
  worker: "POST /api/meter without cookie → 401 (our Worker: routing, middleware)",
  auth: "… with cookie, body {} → 400 (+ token verify, requireAuth's reads on a new connection)",
  start: "POST /api/streams/:id/session → 201 (start a session)",
  early: "POST /api/meter too early → 429 (+ ViewerSession RPC, storage write, alarm)",
  booked: "POST /api/meter → 200 (+ the booking statement)",
  direct: "booking statement from Node, node-postgres direct",
  viaProxy: "booking statement from Node, Neon driver via WS proxy, kept connection",
  fresh: "user row from Node, Neon driver via WS proxy, new connection each",
} as const;

/** When tick `index` of a session may go: its playback so far must not exceed the time since it started. */
const dueAt = (startedAt: number, index: number) => startedAt + (index + 1) * INTERVAL_MS - TOLERANCE_MS + 5;

const errorBodySchema = z.object({
  error: z.object({ code: z.string(), details: z.object({ nextAllowedMs: z.number().optional() }).loose().optional() }),
});
const sessionBodySchema = z.object({ sessionId: z.uuid(), intervalMs: z.number().int() });

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
/** "429 TICK_TOO_EARLY": the status and our error code, or the status alone for a body that is not ours. */
const statusKey = (status: number, body: string) => {
  if (status === 200 || status === 201 || status === 204) return String(status);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined; // not JSON: an error page from the dev server itself
  }
  const parsed = errorBodySchema.safeParse(json);
  return parsed.success ? `${status} ${parsed.data.error.code}` : `${status}`;
};
const bump = (counts: Record<string, number>, key: string, by = 1) => (counts[key] = (counts[key] ?? 0) + by);
const countsLine = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k}: ${v}`)
    .join(", ") || "none";

// ---------------------------------------------------------------------------------------------
// Setup: creators, LIVE streams, funded viewers, all straight into the database.

async function setUp(db: ScriptDb): Promise<Map<string, bigint>> {
  const creatorRows = Array.from({ length: STREAMS }, (_, i) => i + 1);
  await db.insert(users).values(
    creatorRows.map((c) => ({
      id: ids.creator(c),
      email: `creator${c}@bench.local`,
      passwordHash: "x",
      role: "CREATOR" as const,
      emailVerified: new Date(),
    })),
  );
  await db
    .insert(profiles)
    .values(creatorRows.map((c) => ({ userId: ids.creator(c), displayName: `Creator ${c}`, isCreator: true })));
  for (const c of creatorRows) await ensureCreatorEarnings(db, ids.creator(c));
  await db.insert(streams).values(
    creatorRows.map((c) => ({
      id: ids.stream(c),
      creatorId: ids.creator(c),
      title: c === 1 ? "Hot stream" : `Stream ${c}`,
      status: "LIVE" as const,
      startedAt: new Date(),
    })),
  );

  const groups = [
    { count: SESSIONS, user: ids.viewer, wallet: ids.viewerWallet, email: "viewer" },
    { count: PGBENCH_VIEWERS, user: ids.pgbViewer, wallet: ids.pgbWallet, email: "pgbench" },
    { count: SAMPLE_VIEWERS, user: ids.sampleViewer, wallet: ids.sampleWallet, email: "sample" },
  ];
  const funded: string[] = [];
  for (const g of groups) {
    for (let start = 1; start <= g.count; start += 500) {
      const batch = Array.from({ length: Math.min(500, g.count - start + 1) }, (_, i) => start + i);
      await db.insert(users).values(
        batch.map((n) => ({
          id: g.user(n),
          email: `${g.email}${n}@bench.local`,
          passwordHash: "x",
          emailVerified: new Date(),
        })),
      );
      await db
        .insert(wallets)
        .values(batch.map((n) => ({ id: g.wallet(n), kind: "USER" as const, userId: g.user(n) })));
      funded.push(...batch.map((n) => g.user(n)));
    }
  }
  // Escrows for the bookings made outside the Worker (pgbench, stage samples): one per viewer.
  await db.insert(wallets).values([
    ...Array.from({ length: PGBENCH_VIEWERS }, (_, i) => ({
      id: ids.pgbEscrow(i + 1),
      kind: "SESSION_ESCROW" as const,
    })),
    ...Array.from({ length: SAMPLE_VIEWERS }, (_, i) => ({
      id: ids.sampleEscrow(i + 1),
      kind: "SESSION_ESCROW" as const,
    })),
  ]);
  // Funded through the real deposit path, far more than any run spends.
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < funded.length; i = next++) {
        const userId = funded[i];
        if (!userId) continue;
        await creditWallet(db, { userId, provider: "STRIPE", amount: FUNDING, paymentId: `bench-fund-${userId}` });
      }
    }),
  );
  const rows = await db.execute<{ user_id: string; balance: string }>(
    sql`select user_id, balance::text from wallet where kind = 'USER' and user_id::text like any (array['00000000-%', '10000000-%', '20000000-%'])`,
  );
  return new Map(rows.rows.map((r) => [r.user_id, BigInt(r.balance)]));
}

// ---------------------------------------------------------------------------------------------
// pgbench ceilings.

/** (1a) The minimal tick: one conditional UPDATE of a viewer's wallet, one ledger entry INSERT, one statement. */
async function minimalTickScript(db: ScriptDb): Promise<string> {
  await db.execute(sql`create table pgbench_meter_wallet (like wallet including all)`);
  await db.execute(sql`create table pgbench_meter_entry (like ledger_entry including all)`);
  await db.execute(sql`insert into pgbench_meter_wallet select * from wallet where id::text like '11000000-%'`);
  return [
    "\\set v 1 + :client_id + :clients * random(0, :viewers / :clients - 1)",
    "with debit as (",
    `  update pgbench_meter_wallet set balance = balance - ${TICK_PRICE}, updated_at = now()`,
    `  where kind = 'USER' and user_id = ('10000000-0000-4000-8000-' || lpad((:v)::text, 12, '0'))::uuid and balance >= ${TICK_PRICE}`,
    "  returning id, user_id, balance",
    ")",
    "insert into pgbench_meter_entry (transfer_id, wallet_id, user_id, type, amount, balance_after, reference_type, reference_id, metadata, created_at)",
    `select gen_random_uuid(), id, user_id, 'DEBIT', -${TICK_PRICE}, balance, 'METER_EVENT', 'pgbench', '{}', clock_timestamp() from debit;`,
    "",
  ].join("\n");
}

/**
 * (1b) The statement bookMeterTick sends (captured from the function itself, so it cannot drift),
 * with its parameters turned into pgbench expressions: a fresh session per transaction, a viewer
 * per client. It books real ticks for the pgbench viewers, so the ledger checks cover it.
 */
async function bookingScript(url: string): Promise<string> {
  const { pool } = openDb(url, 1);
  const captured: { query: string; params: unknown[] }[] = [];
  const db = drizzle(pool, { logger: { logQuery: (query, params) => void captured.push({ query, params }) } });
  const input = {
    sessionId: crypto.randomUUID(),
    userId: ids.pgbViewer(1),
    streamId: ids.stream(1),
    escrowWalletId: ids.pgbEscrow(1),
    intervalIndex: 0,
    playbackMs: INTERVAL_MS,
    amount: TICK_PRICE,
  };
  try {
    const booked = await bookMeterTick(db, input);
    if (booked.status !== "booked") throw new Error(`bench-meter: capture tick was ${booked.status}`);
  } finally {
    await pool.end();
  }
  const first = captured[0];
  if (!first || captured.length !== 1) throw new Error(`bookMeterTick sent ${captured.length} statements, expected 1`);
  const session = `('1a000000-0000-4000-8000-' || lpad(to_hex((:s)::bigint), 12, '0'))`;
  const known = new Map<unknown, string>([
    [input.sessionId, session],
    [input.userId, `('10000000-0000-4000-8000-' || lpad((:v)::text, 12, '0'))`],
    [input.escrowWalletId, `('1e000000-0000-4000-8000-' || lpad((:v)::text, 12, '0'))`],
    [input.streamId, `'${input.streamId}'`],
    [`meter:${input.sessionId}:0`, `('meter:' || ${session} || ':0')`],
    [
      JSON.stringify({ sessionId: input.sessionId, streamId: input.streamId, intervalIndex: 0 }),
      `json_build_object('sessionId', ${session}, 'streamId', '${input.streamId}', 'intervalIndex', 0)::text`,
    ],
    [TICK_PRICE.toString(), `'${TICK_PRICE}'`],
    [0, "0"],
    [INTERVAL_MS, String(INTERVAL_MS)],
  ]);
  const meterEvent = `('1b000000-0000-4000-8000-' || lpad(to_hex((:m)::bigint), 12, '0'))`;
  const statement = first.query.replace(/\$(\d+)\b/g, (_m, n: string) => {
    const value = first.params[Number(n) - 1];
    const known_ = known.get(value);
    if (known_) return known_;
    if (typeof value === "string" && /^[0-9a-f-]{36}$/.test(value)) return meterEvent; // the meter event id
    throw new Error(`bench-meter: unexpected parameter $${n} = ${String(value)} in bookMeterTick's statement`);
  });
  return [
    "\\set v 1 + :client_id + :clients * random(0, :viewers / :clients - 1)",
    "\\set s random(1, 281474976710655)",
    "\\set m random(1, 281474976710655)",
    `${statement};`,
    "",
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------
// The load: sessions started through the API, then ticked as soon as each is allowed.

interface LiveSession {
  viewer: number;
  sessionId: string;
  body: { streamId: string; sessionId: string };
  headers: Record<string, string>;
  next: number;
  due: number;
  /** When the start answered (the server's startedAt is no later). */
  startedAt: number;
  /** The metering socket, when ticking over WebSocket. */
  socket?: MeterSocket;
}

/**
 * A session's metering socket (GET /api/meter/socket): one tick frame out, one tick_result back,
 * answered like POST /api/meter, so the load loop handles both transports the same way.
 */
class MeterSocket {
  private waiting: ((frame: { status: number; body: string }) => void) | null = null;
  private readonly ws: WebSocket;
  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on("message", (data) => {
      const frame = JSON.parse(String(data)) as { type: string; status?: number; result?: unknown; error?: unknown };
      if (frame.type !== "tick_result" || !this.waiting) return;
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ status: frame.status ?? 0, body: JSON.stringify(frame.result ?? { error: frame.error }) });
    });
    ws.on("close", () => {
      const resolve = this.waiting;
      this.waiting = null;
      resolve?.({ status: 409, body: JSON.stringify({ error: { code: "SESSION_NOT_ACTIVE" } }) });
    });
  }
  static open(url: string, headers: Record<string, string>): Promise<MeterSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      ws.once("open", () => resolve(new MeterSocket(ws)));
      ws.once("error", reject);
    });
  }
  tick(intervalIndex: number, playbackMs: number): Promise<{ status: number; body: string; ms: number }> {
    const sentAt = performance.now();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("tick_result timeout")), 15_000);
      this.waiting = (frame) => {
        clearTimeout(timer);
        resolve({ ...frame, ms: performance.now() - sentAt });
      };
      this.ws.send(JSON.stringify({ type: "tick", intervalIndex, playbackMs }));
    });
  }
  close(): void {
    this.ws.close();
  }
}

/** A binary min-heap on `due`. */
class DueQueue {
  private items: LiveSession[] = [];
  get size() {
    return this.items.length;
  }
  peek(): LiveSession | undefined {
    return this.items[0];
  }
  push(s: LiveSession): void {
    const a = this.items;
    a.push(s);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      const parent = a[p];
      if (!parent || parent.due <= s.due) break;
      a[i] = parent;
      a[p] = s;
      i = p;
    }
  }
  pop(): LiveSession | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (!top || !last || a.length === 0) return top;
    a[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if ((a[l]?.due ?? Infinity) < (a[m]?.due ?? Infinity)) m = l;
      if ((a[r]?.due ?? Infinity) < (a[m]?.due ?? Infinity)) m = r;
      if (m === i) break;
      const tmp = a[m];
      if (!tmp) break;
      a[m] = last;
      a[i] = tmp;
      i = m;
    }
    return top;
  }
}

interface LoadResult {
  started: number;
  startStatuses: Record<string, number>;
  startLatencies: number[];
  rampSeconds: number;
  windowSeconds: number;
  ticks: number;
  latencies: number[];
  /** How late each tick in the window was sent (ms after it was allowed): > 0 means the stack was saturated. */
  lags: number[];
  statuses: Record<string, number>;
  /** Tick answers during the ramp and warm-up. */
  beforeWindow: Record<string, number>;
  /** Sessions the server ended (409 SESSION_NOT_ACTIVE, 402), before and during the window. */
  endedBeforeWindow: number;
  endedInWindow: number;
  aliveAtWindowStart: number;
  aliveAtWindowEnd: number;
  cpu: CpuUse;
  pg: { commits: number; sessions: number; backendsAtEnd: number };
}

async function pgStats(db: ScriptDb, database: string) {
  const rows = await db.execute<{ commits: string; sessions: string; backends: string }>(
    sql`select xact_commit::text as commits, sessions::text as sessions,
      (select count(*) from pg_stat_activity where datname = ${database})::text as backends
      from pg_stat_database where datname = ${database}`,
  );
  const row = rows.rows[0];
  return { commits: Number(row?.commits ?? 0), sessions: Number(row?.sessions ?? 0), backends: Number(row?.backends) };
}

async function runLoad(
  client: BenchClient,
  stack: Stack,
  cookies: Map<string, string>,
  db: ScriptDb,
  database: string,
  transport: Transport,
  firstViewer: number,
): Promise<LoadResult> {
  const queue = new DueQueue();
  const count = Math.max(0, SESSIONS - firstViewer + 1);
  const toStart = Array.from({ length: count }, (_, i) => SESSIONS - i); // pop() → firstViewer, …
  const sockets: MeterSocket[] = [];
  const startStatuses: Record<string, number> = {};
  const startLatencies: number[] = [];
  const statuses: Record<string, number> = {};
  const beforeWindow: Record<string, number> = {};
  const latencies: number[] = [];
  const lags: number[] = [];
  const recent: number[] = []; // the last 64 tick latencies, for admission
  let started = 0;
  let ended = 0;
  let startsInFlight = 0;
  let lastStartAt = performance.now();
  let admitting = true;
  let windowStart = Infinity;
  let windowEnd = Infinity;
  const rampStarted = performance.now();
  const origin = stack.url;

  const startOne = async (viewer: number) => {
    const userId = ids.viewer(viewer);
    const headers = { cookie: cookies.get(userId) ?? "", origin };
    const streamId = ids.stream(streamOf(viewer));
    startsInFlight += 1;
    try {
      for (let attempt = 1; attempt <= 3; attempt++) {
        let res: Awaited<ReturnType<BenchClient["send"]>>;
        try {
          res = await client.send({ method: "POST", path: `/api/streams/${streamId}/session`, headers });
        } catch (error) {
          bump(startStatuses, `ERR ${error instanceof Error ? error.message : String(error)}`);
          continue;
        }
        bump(startStatuses, statusKey(res.status, res.body));
        if (res.status !== 201) continue;
        startLatencies.push(res.ms);
        const { sessionId } = sessionBodySchema.parse(JSON.parse(res.body));
        const socket =
          transport === "ws"
            ? await MeterSocket.open(
                `${origin.replace(/^http/, "ws")}/api/meter/socket?sessionId=${sessionId}`,
                headers,
              )
            : undefined;
        if (socket) sockets.push(socket);
        started += 1;
        lastStartAt = performance.now();
        const startedAt = performance.now();
        queue.push({
          viewer,
          sessionId,
          body: { streamId, sessionId },
          headers,
          next: 0,
          due: dueAt(startedAt, 0),
          startedAt,
          ...(socket ? { socket } : {}),
        });
        return;
      }
    } finally {
      startsInFlight -= 1;
    }
  };

  const tickOne = async (s: LiveSession) => {
    const sentAt = performance.now();
    if (sentAt >= windowStart) lags.push(sentAt - s.due);
    let res: Awaited<ReturnType<BenchClient["send"]>>;
    try {
      res = s.socket
        ? await s.socket.tick(s.next, INTERVAL_MS)
        : await client.send({
            method: "POST",
            path: "/api/meter",
            headers: s.headers,
            body: JSON.stringify({ ...s.body, intervalIndex: s.next, playbackMs: INTERVAL_MS }),
          });
    } catch (error) {
      const at = performance.now();
      bump(at < windowStart ? beforeWindow : statuses, `ERR ${error instanceof Error ? error.message : String(error)}`);
      s.due = at + 100;
      queue.push(s);
      return;
    }
    const now = performance.now();
    const key = statusKey(res.status, res.body);
    const inWindow = now >= windowStart && now < windowEnd;
    if (inWindow) bump(statuses, key);
    else if (now < windowStart) bump(beforeWindow, key);
    if (res.status === 200) {
      const result = meterResultSchema.parse(JSON.parse(res.body));
      if (inWindow) latencies.push(res.ms);
      recent.push(res.ms);
      if (recent.length > 64) recent.shift();
      s.next += 1;
      s.due = Math.max(now + result.nextAllowedMs, dueAt(s.startedAt, s.next));
      queue.push(s);
    } else if (key === "429 TICK_TOO_EARLY") {
      const parsed = errorBodySchema.parse(JSON.parse(res.body));
      s.due = now + (parsed.error.details?.nextAllowedMs ?? 50);
      queue.push(s);
    } else if (key === "409 INTERVAL_ALREADY_BOOKED") {
      s.next += 1; // an earlier attempt committed
      s.due = Math.max(now, dueAt(s.startedAt, s.next));
      queue.push(s);
    } else if (key === "409 SESSION_NOT_ACTIVE" || res.status === 402) {
      ended += 1; // the server ended it (the watchdog, most likely): this viewer is gone
    } else {
      s.due = now + 100; // a failure: retry the same interval
      queue.push(s);
    }
  };

  // Admission: a new session starts only while the sessions already running are ticked on time,
  // so the stack ends up saturated by ticks alone without sessions falling 2 intervals behind
  // (the watchdog would end them and the load would collapse).
  const mayStart = (now: number) => {
    if (!admitting || toStart.length === 0 || startsInFlight >= MAX_STARTS_IN_FLIGHT) return false;
    const top = queue.peek();
    if (top && now - top.due >= ADMIT_LAG_MS) return false;
    return (
      recent.length < 16 ||
      percentile(
        [...recent].sort((a, b) => a - b),
        90,
      ) < ADMIT_P90_MS
    );
  };
  const worker = async () => {
    for (;;) {
      const now = performance.now();
      if (now >= windowEnd) return;
      const top = queue.peek();
      if (top && top.due <= now) {
        const s = queue.pop();
        if (s) await tickOne(s);
        continue;
      }
      if (mayStart(now)) {
        const viewer = toStart.pop();
        if (viewer !== undefined) await startOne(viewer);
        continue;
      }
      await sleep(Math.min(top ? top.due - now : 20, 20));
    }
  };

  const workers = Array.from({ length: CONNECTIONS }, () => worker());
  // The ramp ends when every session has started, or when none could start for 3 s (saturated);
  // admission stays open through the warm-up, closed in the window.
  const rampLimit = rampStarted + RAMP_LIMIT_MS;
  while (toStart.length > 0 && performance.now() - lastStartAt < 3000 && performance.now() < rampLimit) await sleep(50);
  const rampDone = performance.now();
  await sleep(WARMUP_MS);
  admitting = false;
  const cpuStart = cpuSnapshot(database);
  const pgStart = await pgStats(db, database);
  const endedAtWindowStart = ended;
  const aliveAtWindowStart = started - ended;
  windowStart = performance.now();
  windowEnd = windowStart + SECONDS * 1000;
  await sleep(SECONDS * 1000);
  const cpuEnd = cpuSnapshot(database);
  const pgEnd = await pgStats(db, database);
  const aliveAtWindowEnd = started - ended;
  const endedAtWindowEnd = ended;
  await Promise.all(workers);
  for (const socket of sockets) socket.close();
  latencies.sort((a, b) => a - b);
  startLatencies.sort((a, b) => a - b);
  lags.sort((a, b) => a - b);
  return {
    started,
    startStatuses,
    startLatencies,
    rampSeconds: (rampDone - rampStarted) / 1000,
    windowSeconds: SECONDS,
    ticks: latencies.length,
    latencies,
    lags,
    statuses,
    beforeWindow,
    endedBeforeWindow: endedAtWindowStart,
    endedInWindow: endedAtWindowEnd - endedAtWindowStart,
    aliveAtWindowStart,
    aliveAtWindowEnd,
    cpu: cpuBetween(cpuStart, cpuEnd),
    pg: {
      commits: pgEnd.commits - pgStart.commits,
      sessions: pgEnd.sessions - pgStart.sessions,
      backendsAtEnd: pgEnd.backends,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Where a tick's time goes: each stage alone, one request at a time.

interface Stage {
  name: string;
  latencies: number[];
  statuses: Record<string, number>;
  /** CPU per request, ms, by group (null: not measured). */
  cpuPerRequest: Record<CpuGroup, number> | null;
}

async function sampleStages(
  stack: Stack,
  cookies: Map<string, string>,
  workerDbUrl: string,
  directDb: ScriptDb,
  database: string,
): Promise<Stage[]> {
  const client = createBenchClient(stack.url, 1);
  const stages: Stage[] = [];
  const newStage = (name: string): Stage => ({ name, latencies: [], statuses: {}, cpuPerRequest: null });
  const finish = (stage: Stage, cpu: Record<CpuGroup, number> | null) => {
    stage.latencies.sort((a, b) => a - b);
    const n = Math.max(1, stage.latencies.length);
    if (cpu) {
      stage.cpuPerRequest = Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, v / n])) as Record<
        CpuGroup,
        number
      >;
    }
    stages.push(stage);
  };
  const measure = async (name: string, n: number, fn: (i: number) => Promise<{ ms: number; key: string }>) => {
    const stage = newStage(name);
    const before = cpuSnapshot(database);
    for (let i = 0; i < n; i++) {
      const { ms, key } = await fn(i);
      stage.latencies.push(ms);
      bump(stage.statuses, key);
    }
    finish(stage, addCpu(null, cpuBetween(before, cpuSnapshot(database))));
  };
  const http = async (request: Parameters<BenchClient["send"]>[0]) => {
    const res = await client.send(request);
    return { ms: res.ms, key: statusKey(res.status, res.body) };
  };
  const timed = async (fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    return { ms: performance.now() - t0, key: "ok" };
  };
  const origin = stack.url;
  const sampleCookie = (n: number) => cookies.get(ids.sampleViewer(n)) ?? "";
  try {
    await measure(STAGE.asset, 200, () => http({ method: "GET", path: "/favicon.svg" }));
    await measure(STAGE.worker, 200, () => http({ method: "POST", path: "/api/meter", body: "{}" }));
    await measure(STAGE.auth, 100, (i) =>
      http({
        method: "POST",
        path: "/api/meter",
        headers: { cookie: sampleCookie(1 + (i % SAMPLE_VIEWERS)), origin },
        body: "{}",
      }),
    );

    // Real sessions, paced like the load: each round books one tick per session (200), then
    // at once sends every session its next tick, which is too early (429).
    const sessions: { n: number; sessionId: string; streamId: string; next: number; startedAt: number }[] = [];
    await measure(STAGE.start, SAMPLE_VIEWERS, async (i) => {
      const n = i + 1;
      const streamId = ids.stream(2);
      const res = await client.send({
        method: "POST",
        path: `/api/streams/${streamId}/session`,
        headers: { cookie: sampleCookie(n), origin },
      });
      if (res.status === 201) {
        const { sessionId } = sessionBodySchema.parse(JSON.parse(res.body));
        sessions.push({ n, sessionId, streamId, next: 0, startedAt: performance.now() });
      }
      return { ms: res.ms, key: statusKey(res.status, res.body) };
    });
    const booked = newStage(STAGE.booked);
    const early = newStage(STAGE.early);
    let bookedCpu: Record<CpuGroup, number> | null = null;
    let earlyCpu: Record<CpuGroup, number> | null = null;
    const tick = (s: (typeof sessions)[number]) =>
      client.send({
        method: "POST",
        path: "/api/meter",
        headers: { cookie: sampleCookie(s.n), origin },
        body: JSON.stringify({
          sessionId: s.sessionId,
          streamId: s.streamId,
          intervalIndex: s.next,
          playbackMs: INTERVAL_MS,
        }),
      });
    // Two sessions at a time, so each too-early tick follows its session's booking well within the interval.
    for (let round = 0; round < SAMPLE_ROUNDS; round++) {
      for (let g = 0; g < sessions.length; g += 2) {
        const group = sessions.slice(g, g + 2);
        let before = cpuSnapshot(database);
        for (const s of group) {
          await sleep(dueAt(s.startedAt, s.next) - performance.now());
          const res = await tick(s);
          booked.latencies.push(res.ms);
          const key = statusKey(res.status, res.body);
          bump(booked.statuses, key);
          if (res.status === 200 || key === "409 INTERVAL_ALREADY_BOOKED") s.next += 1;
        }
        bookedCpu = addCpu(bookedCpu, cpuBetween(before, cpuSnapshot(database)));
        before = cpuSnapshot(database);
        for (const s of group) {
          const res = await tick(s);
          early.latencies.push(res.ms);
          bump(early.statuses, statusKey(res.status, res.body));
          if (res.status === 200) s.next += 1; // the booking above answered too late for this one to be early
        }
        earlyCpu = addCpu(earlyCpu, cpuBetween(before, cpuSnapshot(database)));
      }
    }
    for (const s of sessions) {
      await client.send({
        method: "DELETE",
        path: `/api/streams/${s.streamId}/session/${s.sessionId}`,
        headers: { cookie: sampleCookie(s.n), origin },
      });
    }
    finish(early, earlyCpu);
    finish(booked, bookedCpu);

    // The database legs alone, from Node: the booking statement direct, and through the stack's
    // WebSocket proxy (and pooler) with the Neon driver the Worker uses.
    const book = (db: Parameters<typeof bookMeterTick>[0], n: number) =>
      bookMeterTick(db, {
        sessionId: crypto.randomUUID(),
        userId: ids.sampleViewer(n),
        streamId: ids.stream(2),
        escrowWalletId: ids.sampleEscrow(n),
        intervalIndex: 0,
        playbackMs: INTERVAL_MS,
        amount: TICK_PRICE,
      });
    await measure(STAGE.direct, 100, (i) => timed(() => book(directDb, 1 + (i % SAMPLE_VIEWERS))));
    const kept = createDb({ url: workerDbUrl, wsProxy: stack.wsProxy, max: 1 });
    try {
      await measure(STAGE.viaProxy, 100, (i) => timed(() => book(kept.db, 1 + (i % SAMPLE_VIEWERS))));
    } finally {
      await kept.close();
    }
    await measure(STAGE.fresh, 50, (i) =>
      timed(async () => {
        const fresh = createDb({ url: workerDbUrl, wsProxy: stack.wsProxy });
        try {
          await fresh.db
            .select({ id: users.id })
            .from(users)
            .where(eq(users.id, ids.sampleViewer(1 + (i % SAMPLE_VIEWERS))));
        } finally {
          await fresh.close();
        }
      }),
    );
  } finally {
    client.close();
  }
  return stages;
}

// ---------------------------------------------------------------------------------------------
// After the run: the ledger audit and the double-charge count.

async function doubleCharges(db: ScriptDb, startBalances: Map<string, bigint>) {
  const dupes = await db.execute<{ n: string }>(
    sql`select count(*)::text as n from (select 1 from meter_event group by session_id, interval_index having count(*) > 1) d`,
  );
  const rows = await db.execute<{ user_id: string; balance: string; debited: string }>(
    sql`select w.user_id, w.balance::text as balance, coalesce(m.debited, 0)::text as debited
      from wallet w
      left join (select user_id, sum(credits_debited) as debited from meter_event group by user_id) m on m.user_id = w.user_id
      where w.kind = 'USER' and w.user_id::text like any (array['00000000-%', '10000000-%', '20000000-%'])`,
  );
  let mismatched = 0;
  let debitedTotal = 0n;
  for (const r of rows.rows) {
    const start = startBalances.get(r.user_id);
    if (start === undefined) continue;
    debitedTotal += BigInt(r.debited);
    if (start - BigInt(r.balance) !== BigInt(r.debited)) mismatched += 1;
  }
  const events = await db.execute<{ n: string }>(sql`select count(*)::text as n from meter_event`);
  return {
    duplicateIntervals: Number(dupes.rows[0]?.n ?? 0),
    mismatchedViewers: mismatched,
    viewers: rows.rows.length,
    meterEvents: Number(events.rows[0]?.n ?? 0),
    debitedTotal,
  };
}

async function waitForSessionsToEnd(db: ScriptDb, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const rows = await db.execute<{ n: string }>(
      sql`select count(*)::text as n from viewing_session where status = 'ACTIVE'`,
    );
    const active = Number(rows.rows[0]?.n ?? 0);
    if (active === 0 || performance.now() > deadline) return active;
    await sleep(500);
  }
}

// ---------------------------------------------------------------------------------------------

async function connectionBudget(url: string): Promise<{ max: number; used: number }> {
  const { db, pool } = openDb(url, 1);
  try {
    const rows = await db.execute<{ max: string; used: string }>(
      sql`select current_setting('max_connections') as max, (select count(*) from pg_stat_activity)::text as used`,
    );
    return { max: Number(rows.rows[0]?.max ?? 0), used: Number(rows.rows[0]?.used ?? 0) };
  } finally {
    await pool.end();
  }
}

async function main(): Promise<void> {
  assertLoopback(BASE_URL, "bench-meter");
  const hardStop = setTimeout(
    () => {
      console.error("bench-meter: overall time limit reached");
      process.exit(2);
    },
    (SECONDS + 900) * 1000,
  );
  hardStop.unref();

  const budget = await connectionBudget(BASE_URL);
  if (!USE_POOLER) {
    // Each ViewerSession object keeps a connection of its own while it ticks; leave room for others.
    const room = budget.max - budget.used - 20 - CONNECTIONS;
    if (SESSIONS > room) {
      throw new Error(
        `--no-pooler: ${SESSIONS} sessions need ~${SESSIONS + CONNECTIONS} Postgres connections (one per ViewerSession ` +
          `object, one per request in flight); the server allows ${budget.max} and ${budget.used} are in use. Use --sessions ${Math.max(1, room)} or the pooler.`,
      );
    }
  } else if (!findPgbouncer()) {
    throw new Error(
      "pgbouncer not found: `apt-get install pgbouncer` (or PGBOUNCER=/path). Without a pooler every ViewerSession " +
        "object holds its own Postgres connection, so use --no-pooler with --sessions below the server's max_connections.",
    );
  }

  const pooler: Pooler | null = USE_POOLER
    ? await startPooler(BASE_URL, { serverConnections: POOLER_SERVER_CONNECTIONS })
    : null;
  const pem = ephemeralJwtKey();
  const stackLog: string[] = [];
  const stackLogPath = join(tmpdir(), `bench-meter-${process.pid}.log`);
  const stackLogFile = createWriteStream(stackLogPath);
  let reloads = 0;
  // The stack creates (and at stop drops) a fresh database on the server DATABASE_URL names.
  process.env.DATABASE_URL = pooler?.url ?? BASE_URL;
  let stack: Stack | null = null;
  const stopAll = async () => {
    await stack?.stop();
    stack = null;
    await pooler?.stop();
  };
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    void stopAll().finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  console.log(
    `bench-meter: ${SESSIONS} sessions over ${STREAMS} streams (half on stream 1), interval ${INTERVAL_MS} ms, ` +
      `${CONNECTIONS} keep-alive connections, ${SECONDS} s window after the ramp + ${WARMUP_MS / 1000} s`,
  );
  console.log(
    `host: ${availableParallelism()} CPUs shared with Postgres and others, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}; Postgres max_connections ${budget.max}, ${budget.used} in use`,
  );
  console.log(
    pooler
      ? `pooler: ${pooler.binary} (transaction mode, ${pooler.serverConnections} server connections) between the Worker and Postgres, as Neon's pooled endpoint`
      : "pooler: none (--no-pooler): the Worker connects straight to Postgres",
  );
  let exitCode = 0;
  try {
    const started = performance.now();
    stack = await startStack({
      mode: "test",
      port: await freePort(),
      skipClientBuild: existsSync(`${ROOT}dist/client/favicon.svg`),
      // This bench runs (and measures) a pooler of its own, started above.
      pooler: false,
      vars: { METER_INTERVAL_MS: String(INTERVAL_MS), JWT_PRIVATE_KEY: pem },
      log: (line) => {
        if (line.includes("Reloading local server")) reloads += 1;
        stackLogFile.write(`${line}\n`);
        if (stackLog.push(line) > 200) stackLog.shift();
      },
    });
    const activeStack: Stack = stack;
    const workerDbUrl = activeStack.databaseUrl;
    // The bench sets up rows and pgbench tables: as the owner (the Worker runs as tollgate_app).
    const directUrl = withHostPort(activeStack.ownerUrl, BASE_URL);
    const database = new URL(directUrl).pathname.slice(1);
    console.log(
      `stack: ${activeStack.url}, database ${database}, up in ${fmt((performance.now() - started) / 1000, 1)} s`,
    );

    const { db, pool } = openDb(directUrl, 10);
    const client = createBenchClient(activeStack.url, CONNECTIONS);
    try {
      const t0 = performance.now();
      const startBalances = await setUp(db);
      const cookies = await mintCookies(db, pem, [
        ...Array.from({ length: SESSIONS }, (_, i) => ids.viewer(i + 1)),
        ...Array.from({ length: SAMPLE_VIEWERS }, (_, i) => ids.sampleViewer(i + 1)),
      ]);
      console.log(
        `setup: ${STREAMS} creators with LIVE streams, ${SESSIONS} + ${PGBENCH_VIEWERS} + ${SAMPLE_VIEWERS} funded viewers, ` +
          `tokens minted, in ${fmt((performance.now() - t0) / 1000, 1)} s`,
      );

      // Ceiling (2): a static asset through the same client and connections.
      const noop = await hammer(client, { method: "GET", path: "/favicon.svg" }, CONNECTIONS, 10_000);
      const noopRps = noop.requests / noop.seconds;
      console.log(
        `ceiling, GET /favicon.svg (static asset; workerd serves it without our Worker code): ${fmt(noopRps)} req/s  ${latencyLine(noop.latenciesMs)}  (${countsLine(noop.statuses)})`,
      );

      // Ceiling (1): the tick's SQL through pgbench, straight to Postgres.
      const vars = { viewers: PGBENCH_VIEWERS, clients: PGBENCH_CLIENTS };
      const pgOpts = { clients: PGBENCH_CLIENTS, threads: 2, seconds: 10, vars };
      const minimal = await runPgbench(directUrl, await minimalTickScript(db), pgOpts);
      console.log(
        `ceiling, pgbench minimal tick (conditional UPDATE + ledger INSERT, one statement, -c 8 -j 2 -T 10): ${fmt(minimal.tps)} tx/s  ${latencyLine(minimal.latenciesMs)}  (${minimal.failed} failed)`,
      );
      await db.execute(sql`vacuum analyze wallet, ledger_transfer, ledger_entry, meter_event`);
      const booking = await runPgbench(directUrl, await bookingScript(directUrl), pgOpts);
      console.log(
        `ceiling, pgbench bookMeterTick's own statement (same SQL text, -c 8 -j 2 -T 10):      ${fmt(booking.tps)} tx/s  ${latencyLine(booking.latenciesMs)}  (${booking.failed} failed)`,
      );

      const stages = await sampleStages(activeStack, cookies, workerDbUrl, db, database);
      await db.execute(sql`vacuum analyze wallet, ledger_transfer, ledger_entry, meter_event, viewing_session`);

      console.log(
        `load: starting up to ${SESSIONS} sessions while the stack keeps up, each ticking once per interval…`,
      );
      const transport = TRANSPORTS[0] ?? "http";
      const load = await runLoad(client, activeStack, cookies, db, database, transport, 1);
      // The same again over the sessions' WebSockets, with viewers the first run did not use.
      const wsLoad =
        TRANSPORTS.length > 1
          ? (console.log("load: the same over each session's metering WebSocket…"),
            await runLoad(client, activeStack, cookies, db, database, "ws", load.started + 1))
          : null;
      const remaining = await waitForSessionsToEnd(db, 60_000);
      const violations = await checkLedgerInvariants(db);
      const charges = await doubleCharges(db, startBalances);
      const watchdog = await db.execute<{ reason: string | null; n: string }>(
        sql`select end_reason as reason, count(*)::text as n from viewing_session group by end_reason order by 2 desc`,
      );

      const tps = load.ticks / load.windowSeconds;
      const cpuPerTick = (cores: number) => (cores * 1000) / Math.max(1, tps);
      const c = load.cpu.cores;
      console.log("");
      console.log(
        `sessions: ${load.started}/${SESSIONS} started in ${fmt(load.rampSeconds, 1)} s (${latencyLine(load.startLatencies)}; ${countsLine(load.startStatuses)})` +
          (load.started < SESSIONS
            ? `; no more were admitted: a session starts only while running ones are ticked on time and answered within ${ADMIT_P90_MS} ms (p90)`
            : ""),
      );
      console.log(
        `         alive in the window: ${load.aliveAtWindowStart} at its start, ${load.aliveAtWindowEnd} at its end; ended by the server: ${load.endedBeforeWindow} before the window, ${load.endedInWindow} during it`,
      );
      console.log(`         tick answers during the ramp and warm-up: ${countsLine(load.beforeWindow)}`);
      console.log(
        `ticks (${transport === "ws" ? "WebSocket" : "HTTP"} → Worker → ViewerSession → Postgres): ${fmt(tps)} ticks/s  ${latencyLine(load.latencies)}  over ${load.windowSeconds} s (${load.ticks} booked)`,
      );
      const nonOk = Object.fromEntries(Object.entries(load.statuses).filter(([k]) => k !== "200"));
      const errors = Object.fromEntries(Object.entries(nonOk).filter(([k]) => k !== "429 TICK_TOO_EARLY"));
      console.log(`  non-200 in the window: ${countsLine(nonOk)}`);
      if (load.endedInWindow > 0) {
        console.log(
          `  ${load.endedInWindow} sessions were ended by the watchdog in the window: their ticks were answered too late (p99 ${fmt(percentile(load.latencies, 99))} ms; ` +
            `a session ends 2 intervals after its last booking), e.g. when other work on the box took the CPU`,
        );
      }
      console.log(`  errors (anything but 200 and 429): ${countsLine(errors)}`);
      console.log(
        `  each session ticks once per interval (playbackMs = interval may not run ahead of the time since it started); ` +
          `ticks went out p50 ${fmt(percentile(load.lags, 50))} ms, p99 ${fmt(percentile(load.lags, 99))} ms after they were allowed`,
      );
      console.log(
        `  ratios: vs pgbench bookMeterTick statement ${fmt(tps / booking.tps, 3)}, vs pgbench minimal tick ${fmt(tps / minimal.tps, 3)}, vs GET /favicon.svg ${fmt(tps / noopRps, 3)}`,
      );
      if (wsLoad) {
        const wsTps = wsLoad.ticks / wsLoad.windowSeconds;
        const wsNonOk = Object.fromEntries(Object.entries(wsLoad.statuses).filter(([k]) => k !== "200"));
        console.log(
          `ticks (WebSocket → ViewerSession → Postgres): ${fmt(wsTps)} ticks/s  ${latencyLine(wsLoad.latencies)}  over ${wsLoad.windowSeconds} s (${wsLoad.ticks} booked; ${wsLoad.started} sessions admitted; non-200: ${countsLine(wsNonOk)})`,
        );
        console.log(
          `  ratios: vs pgbench bookMeterTick statement ${fmt(wsTps / booking.tps, 3)}, vs pgbench minimal tick ${fmt(wsTps / minimal.tps, 3)}, vs GET /favicon.svg ${fmt(wsTps / noopRps, 3)}, vs the HTTP path ${fmt(wsTps / Math.max(tps, 1e-9), 2)}; ` +
            `cpu in its window: workerd ${fmt(wsLoad.cpu.cores.workerd, 2)}, all ${fmt(wsLoad.cpu.systemCores, 2)} of ${availableParallelism()}`,
        );
      }
      console.log(
        `  goal ≥ 1000 ticks/s with p99 < 100 ms: ${tps >= 1000 && percentile(load.latencies, 99) < 100 ? "met" : "not met"}; ` +
          `${SESSIONS} sessions at ${INTERVAL_MS} ms would need ≥ ${fmt(SESSIONS / ((2 * INTERVAL_MS) / 1000))} ticks/s just to stay alive ` +
          `(the watchdog ends a session 2 intervals after its last booking)`,
      );
      console.log(
        `cpu in the window (cores; 1.00 = one core busy): all ${fmt(load.cpu.systemCores, 2)} of ${availableParallelism()}; ` +
          `workerd ${fmt(c.workerd, 2)} (per process ${load.cpu.workerdProcesses.map((x) => fmt(x, 2)).join(" + ")}; busiest thread ${fmt(load.cpu.workerdBusiestThread, 2)}), ` +
          `wrangler ${fmt(c.wrangler, 2)}, postgres ${fmt(c.postgresDb, 2)} (whole server ${fmt(c.postgres, 2)}), pgbouncer ${fmt(c.pooler, 2)}, ` +
          `this process (HTTP client + WS proxy) ${fmt(c.bench, 2)}, livekit ${fmt(c.livekit, 2)}, everything else on the box ${fmt(load.cpu.otherCores, 2)}`,
      );
      console.log(
        `cpu per booked tick: workerd ${fmt(cpuPerTick(c.workerd), 2)} ms, wrangler ${fmt(cpuPerTick(c.wrangler), 2)} ms, ` +
          `postgres ${fmt(cpuPerTick(c.postgresDb), 2)} ms, pgbouncer ${fmt(cpuPerTick(c.pooler), 2)} ms, this process ${fmt(cpuPerTick(c.bench), 2)} ms`,
      );
      console.log(
        `postgres in the window: ${fmt(load.pg.commits / load.windowSeconds)} commits/s (${fmt(load.pg.commits / Math.max(1, load.ticks), 2)} per booked tick), ` +
          `${fmt(load.pg.sessions / load.windowSeconds)} new server connections/s, ${load.pg.backendsAtEnd} backends on the database at the end`,
      );
      console.log(
        "stages, one request at a time (latency p50 / p99; CPU per request, ms: workerd, wrangler, Postgres backends of this database, pgbouncer, this process for the Node-side stages):",
      );
      for (const st of stages) {
        const cpu = st.cpuPerRequest;
        // This process's own CPU means something only for the stages it runs itself (the Node side).
        const fromNode = st.name === STAGE.direct || st.name === STAGE.viaProxy || st.name === STAGE.fresh;
        const cpuText = cpu
          ? [cpu.workerd, cpu.wrangler, cpu.postgresDb, cpu.pooler, fromNode ? cpu.bench : Number.NaN]
              .map((v) => (Number.isNaN(v) ? "-" : fmt(v, 2)).padStart(5))
              .join(" ")
          : "";
        console.log(
          `  ${st.name.padEnd(86)} ${fmt(percentile(st.latencies, 50), 1).padStart(6)} / ${fmt(percentile(st.latencies, 99), 1).padStart(6)} ms  cpu ${cpuText}  (${countsLine(st.statuses)})`,
        );
      }
      console.log(explain(tps, load, stages, booking.tps, noopRps));
      console.log("");
      console.log(
        `viewing sessions by end reason: ${watchdog.rows.map((r) => `${r.reason ?? "active"}: ${r.n}`).join(", ")}${remaining ? ` (${remaining} still ACTIVE after 60 s)` : ""}`,
      );
      console.log(
        `meter events: ${charges.meterEvents} (HTTP run, pgbench, samples), ${charges.viewers} viewers, ${charges.debitedTotal} millicredits debited`,
      );
      const doubles = charges.duplicateIntervals + charges.mismatchedViewers;
      console.log(
        `double charges: ${doubles} (intervals booked twice: ${charges.duplicateIntervals}; viewers whose balance drop ≠ their meter events: ${charges.mismatchedViewers})`,
      );
      console.log(
        `ledger invariants: ${violations.length === 0 ? "ok" : JSON.stringify(violations.slice(0, 20), (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))}`,
      );
      if (reloads > 0) {
        console.log(
          `WARNING: wrangler reloaded the Worker ${reloads} time(s) during the run: the figures above are not valid`,
        );
      }
      if (violations.length > 0 || doubles > 0) exitCode = 1;
    } finally {
      client.close();
      await pool.end();
    }
  } catch (error) {
    if (stackLog.length) console.error(`stack log (last lines):\n${stackLog.slice(-30).join("\n")}`);
    throw error;
  } finally {
    await stopAll();
    stackLogFile.end();
    console.log(`stack log (wrangler, workerd): ${stackLogPath}`);
    clearTimeout(hardStop);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  process.exitCode = exitCode;
}

/** Where the time goes, from this run's figures. */
function explain(tps: number, load: LoadResult, stages: Stage[], bookingTps: number, noopRps: number): string {
  const stage = (name: string) => stages.find((st) => st.name === name);
  const p50 = (name: string) => fmt(percentile(stage(name)?.latencies ?? [], 50), 1);
  const cpu = (name: string) => stage(name)?.cpuPerRequest?.workerd ?? Number.NaN;
  const c = load.cpu.cores;
  const perTick = (cores: number) => (cores * 1000) / Math.max(1, tps);
  const ours = c.workerd + c.wrangler + c.bench + c.postgresDb + c.pooler + c.livekit;
  const cores = availableParallelism();
  const thread = perTick(load.cpu.workerdBusiestThread);
  const busiest = load.cpu.workerdProcesses[0] ?? Number.NaN;
  return [
    `where the time goes: ${fmt(tps)} ticks/s is ${fmt(tps / bookingTps, 3)} of what Postgres books with the same statement `,
    `(${fmt(bookingTps)}/s) and ${fmt(tps / noopRps, 3)} of the static file through the same client (${fmt(noopRps)}/s). `,
    (c.postgresDb + c.pooler) / ours < 0.25
      ? "The database is not the limit, CPU is: "
      : "A large share of the CPU is the database's: ",
    `each booked tick cost ${fmt(perTick(ours), 1)} ms of CPU across our processes `,
    `(workerd ${fmt(perTick(c.workerd), 1)} ms in two processes, wrangler dev's proxy and the Worker's runtime; wrangler's Node `,
    `process ${fmt(perTick(c.wrangler), 1)} ms, relaying log lines: ${fmt(stage(STAGE.asset)?.cpuPerRequest?.wrangler ?? Number.NaN, 1)} ms per `,
    `static file, ${fmt(stage(STAGE.worker)?.cpuPerRequest?.wrangler ?? Number.NaN, 1)} ms per request that reaches our Worker, which `,
    `logs one JSON line; this process ${fmt(perTick(c.bench), 1)} ms as `,
    `HTTP client and the stack's WebSocket proxy; pgbouncer ${fmt(perTick(c.pooler), 1)} ms; Postgres ${fmt(perTick(c.postgresDb), 1)} ms), `,
    `so ${cores} cores could book at most ~${fmt((cores * 1000) / perTick(ours))} ticks/s with nothing else running `,
    `(other work on the box took ${fmt(load.cpu.otherCores, 2)} cores in the window, ${fmt(load.cpu.systemCores, 2)} of ${cores} were busy), `,
    `and the Worker's workerd process did ${fmt(load.cpu.workerdBusiestThread, 2)} of its ${fmt(busiest, 2)} cores on one thread `,
    `(the Worker and every ViewerSession object run there), ${fmt(thread, 1)} ms per tick: ~${fmt(1000 / thread)} ticks/s if `,
    `that thread had a core to itself. One request at a time, workerd's CPU per request is `,
    `${fmt(cpu(STAGE.asset), 1)} ms for the static file (the dev server's own floor), ${fmt(cpu(STAGE.worker), 1)} ms through our `,
    `Worker's routing and middleware, ${fmt(cpu(STAGE.auth), 1)} ms with the token verified and requireAuth's reads (user row, `,
    `session) on a database connection opened for the request, ${fmt(cpu(STAGE.early), 1)} ms with the ViewerSession RPC, its `,
    `storage write and alarm, `,
    `and ${fmt(cpu(STAGE.booked), 1)} ms with the booking statement (latency p50 ${p50(STAGE.asset)} → ${p50(STAGE.worker)} → `,
    `${p50(STAGE.auth)} → ${p50(STAGE.early)} → ${p50(STAGE.booked)} ms; the statement alone takes ${p50(STAGE.direct)} ms from `,
    `Node direct, ${p50(STAGE.viaProxy)} ms through the WebSocket proxy${USE_POOLER ? " and pgbouncer" : ""}). `,
    `Ideas, not done here (worker code is out of scope): tick over the session's WebSocket (/api/meter/socket) rather than one `,
    `HTTP request per tick, so the per-request auth, its reads and the database connection go; on the HTTP path, trust the `,
    `access token's claims and let the object re-check the user every few seconds; keep a database connection per isolate `,
    `instead of a pool per request; no info log line per tick; measure on deployed Workers, without wrangler dev's proxy and `,
    `log relay, where objects spread over many machines.`,
  ].join("");
}

if (inSnapshot()) await main();
else process.exitCode = await runFromSnapshot("scripts/bench-meter.ts", process.argv.slice(2));
