// Discover and creator analytics at scale: a fresh database seeded in bulk (10,000 streams, 500
// LIVE, 100,000 follows, one busy creator with 1,000,000 meter events over 90 days), then
// GET /api/streams/discover (all, live-first, category, search, search with a typo), one request
// at a time and under load, and GET /api/creator/analytics (90 days) and /api/creator/earnings,
// through `wrangler dev`, beside ceilings measured in the same run through the same client (a
// static asset, and GET /api/categories: our Worker and one small query). The first analytics
// request is the cold one (it fills the rollup of the closed days) and is reported apart; the
// figures after it are warm. Then EXPLAIN (ANALYZE, BUFFERS) of the statements the discover and
// analytics endpoints send, captured from their use-cases (analytics also cold: its rollup rows
// deleted first, in the rolled-back transaction). Prints figures; asserts nothing.
// Runs from a snapshot of the working tree; creates and drops its own database.
//   npm run bench:discover -- [--seconds 6] [--connections 16] [--analytics-connections 4]
//                             [--meter-events 1000000] [--streams 10000] [--live 500]
//                             [--follows 100000] [--no-pooler]
//   DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres): loopback server only.
// Goal (from the issue): discover p99 < 50 ms; analytics over 90 days of 1 M meter events < 300 ms.
import { existsSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { discoverStreamsQuerySchema } from "../contracts/streams.ts";
import { getCreatorAnalytics } from "../worker/creators/get-creator-analytics.ts";
import { discoverStreams } from "../worker/streams/discover-streams.ts";
import { BUSY_CREATOR_ID, seedDiscover } from "./lib/bench-discover-seed.ts";
import { captureQueries, explainAll, shortQuery, type ExplainedQuery } from "./lib/bench-discover-explain.ts";
import {
  createBenchClient,
  hammer,
  percentile,
  type BenchClient,
  type BenchRequest,
  type FixedRun,
} from "./lib/bench-http.ts";
import { assertLoopback, intOption, mintCookies, withHostPort } from "./lib/bench-setup.ts";
import { inSnapshot, runFromSnapshot } from "./lib/bench-snapshot.ts";
import { openDb } from "./lib/database.ts";
import { freePort } from "./lib/free-port.ts";
import { ephemeralJwtKey } from "./lib/jwt-dev-key.ts";
import { ROOT } from "./lib/paths.ts";
import { startStack, type Stack } from "./lib/stack.ts";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "6" },
    connections: { type: "string", default: "16" },
    "analytics-connections": { type: "string", default: "4" },
    "meter-events": { type: "string", default: "1000000" },
    streams: { type: "string", default: "10000" },
    live: { type: "string", default: "500" },
    follows: { type: "string", default: "100000" },
    "no-pooler": { type: "boolean", default: false },
  },
});
const intArg = (name: keyof typeof args, min: number, max: number) => intOption(args, name, min, max);

const BASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SECONDS = intArg("seconds", 1, 600);
const CONNECTIONS = intArg("connections", 1, 512);
const ANALYTICS_CONNECTIONS = intArg("analytics-connections", 1, 512);
const METER_EVENTS = intArg("meter-events", 60, 50_000_000);
const STREAMS = intArg("streams", 10, 1_000_000);
const LIVE = intArg("live", 1, STREAMS);
const FOLLOWS = intArg("follows", 5, 10_000_000);
const CREATORS = Math.max(10, Math.floor(STREAMS / 5));
const USE_POOLER = !args["no-pooler"];
const WARMUP_MS = 1000;
const DAYS = 90;
const GOAL_DISCOVER_P99_MS = 50;
const GOAL_ANALYTICS_MS = 300;

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const END_DATE = day(Date.now());
const START_DATE = day(Date.parse(`${END_DATE}T00:00:00Z`) - (DAYS - 1) * 86_400_000);

interface Scenario {
  name: string;
  path: string;
  kind: "ceiling" | "discover" | "analytics";
  cookie?: boolean;
  connections: number;
  /** The statements the endpoint's use-case sends, for EXPLAIN. */
  capture?: Parameters<typeof captureQueries>[1];
  /** Also EXPLAIN them after these statements (in the same rolled-back transaction). */
  coldPrelude?: string[];
}

function discover(name: string, query: Record<string, string>, connections: number): Scenario {
  const params = new URLSearchParams({ ...query, limit: "20" });
  const input = discoverStreamsQuerySchema.parse(Object.fromEntries(params));
  return {
    name,
    path: `/api/streams/discover?${params}`,
    kind: "discover",
    connections,
    // One EXPLAIN per route: at the first connection count.
    capture: connections === 1 ? (db) => discoverStreams(db, input) : undefined,
  };
}

const analyticsInput = { startDate: START_DATE, endDate: END_DATE, creatorId: BUSY_CREATOR_ID };
const analyticsPath = `/api/creator/analytics?startDate=${START_DATE}&endDate=${END_DATE}`;
/** Ceilings and discover routes one request at a time, then at CONNECTIONS; then the creator's routes. */
const SCENARIOS: Scenario[] = [
  ...[...new Set([1, CONNECTIONS])].flatMap((c): Scenario[] => [
    { name: "static GET /favicon.svg", path: "/favicon.svg", kind: "ceiling", connections: c },
    { name: "GET /api/categories (Worker + 1 query)", path: "/api/categories", kind: "ceiling", connections: c },
    discover("discover all (live first)", { status: "all" }, c),
    discover("discover live", { status: "live" }, c),
    discover("discover category=music", { status: "all", category: "music" }, c),
    discover("discover live category=gaming", { status: "live", category: "gaming" }, c),
    discover("discover search=guitar", { status: "all", search: "guitar" }, c),
    discover("discover search=synthwve (typo)", { status: "all", search: "synthwve" }, c),
    discover("discover live search=rivers (creator)", { status: "live", search: "rivers" }, c),
  ]),
  {
    name: `analytics ${DAYS} d`,
    path: analyticsPath,
    kind: "analytics",
    cookie: true,
    connections: 1,
    capture: (db) => getCreatorAnalytics(db, analyticsInput),
    // Cold: the creator's rollup rows deleted first, so the fill statement writes all closed days.
    coldPrelude: [
      `delete from meter_creator_day where creator_id = '${BUSY_CREATOR_ID}'`,
      `delete from creator_revenue_day where creator_id = '${BUSY_CREATOR_ID}'`,
      `delete from meter_stream_day where stream_id in (select id from stream where creator_id = '${BUSY_CREATOR_ID}')`,
      `delete from meter_viewer_day where stream_id in (select id from stream where creator_id = '${BUSY_CREATOR_ID}')`,
    ],
  },
  {
    name: `analytics ${DAYS} d`,
    path: analyticsPath,
    kind: "analytics",
    cookie: true,
    connections: ANALYTICS_CONNECTIONS,
  },
  { name: "GET /api/creator/earnings", path: "/api/creator/earnings", kind: "analytics", cookie: true, connections: 1 },
];

interface Measured {
  scenario: Scenario;
  run: FixedRun;
  rps: number;
  sample: string;
  /** The first request's latency: for analytics, the cold read that fills the rollup. */
  firstMs: number;
}

async function measure(client: BenchClient, scenario: Scenario, cookie: string): Promise<Measured> {
  const headers: Record<string, string> = scenario.cookie ? { cookie } : {};
  const request: BenchRequest = { method: "GET", path: scenario.path, headers };
  const first = await client.send(request);
  await hammer(client, request, scenario.connections, WARMUP_MS);
  const run = await hammer(client, request, scenario.connections, SECONDS * 1000);
  return {
    scenario,
    run,
    rps: run.requests / run.seconds,
    sample: summarize(scenario, first.status, first.body),
    firstMs: first.ms,
  };
}

/** What one answer held, so a fast empty page or an error does not pass for a figure. */
function summarize(scenario: Scenario, status: number, body: string): string {
  if (status !== 200) return `HTTP ${status} ${body.slice(0, 120)}`;
  if (scenario.kind === "ceiling") return "";
  const json: unknown = JSON.parse(body);
  if (typeof json !== "object" || json === null) return "";
  if ("streams" in json && Array.isArray(json.streams)) {
    const rows = json.streams as unknown[];
    const title = (rows[0] as { title?: unknown } | undefined)?.title;
    return `${rows.length} streams${"nextCursor" in json && json.nextCursor ? " + more" : ""}; first: ${typeof title === "string" ? title : "-"}`;
  }
  if ("totals" in json) return `totals ${JSON.stringify(json.totals)}`;
  return shortQuery(body, 100);
}

async function main(): Promise<void> {
  assertLoopback(BASE_URL, "bench-discover");
  const hardStop = setTimeout(
    () => {
      console.error("bench-discover: overall time limit reached");
      process.exit(2);
    },
    (SECONDS * SCENARIOS.length * 2 + 900) * 1000,
  );
  hardStop.unref();

  const pem = ephemeralJwtKey();
  const stackLog: string[] = [];
  let reloads = 0;
  process.env.DATABASE_URL = BASE_URL;
  let stack: Stack | null = null;
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  console.log(
    `bench-discover: ${STREAMS} streams (${LIVE} LIVE) of ${CREATORS} creators, ${FOLLOWS} follows, ${METER_EVENTS} meter events ` +
      `for one creator over ${DAYS} days (${START_DATE} … ${END_DATE}); ${SECONDS} s per route after ${WARMUP_MS} ms warm-up, ` +
      `${CONNECTIONS} keep-alive connections (analytics: 1 and ${ANALYTICS_CONNECTIONS})`,
  );
  console.log(
    `host: ${availableParallelism()} CPUs shared with Postgres and others, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  try {
    const started = performance.now();
    stack = await startStack({
      mode: "test",
      port: await freePort(),
      pooler: USE_POOLER,
      skipClientBuild: existsSync(`${ROOT}dist/client/favicon.svg`),
      vars: { JWT_PRIVATE_KEY: pem },
      log: (line) => {
        if (line.includes("Reloading local server")) reloads += 1;
        if (stackLog.push(line) > 200) stackLog.shift();
      },
      logLiveKit: () => undefined,
    });
    const directUrl = withHostPort(stack.ownerUrl, BASE_URL);
    console.log(
      `stack: ${stack.url}, database ${new URL(directUrl).pathname.slice(1)}, up in ${fmt((performance.now() - started) / 1000, 1)} s; ` +
        (stack.pooler
          ? `Worker → WebSocket proxy → pgbouncer (transaction mode, ${stack.pooler.serverConnections} server connections) → Postgres`
          : "Worker → WebSocket proxy → Postgres (no pooler)"),
    );

    const { db, pool } = openDb(directUrl, 4);
    const client = createBenchClient(stack.url, CONNECTIONS);
    try {
      const t0 = performance.now();
      const seed = await seedDiscover(db, {
        creators: CREATORS,
        streams: STREAMS,
        live: LIVE,
        follows: FOLLOWS,
        meterEvents: METER_EVENTS,
        from: new Date(`${START_DATE}T00:00:00Z`),
      });
      const cookie = (await mintCookies(db, pem, [BUSY_CREATOR_ID])).get(BUSY_CREATOR_ID) ?? "";
      const counts = await pool.query<{ t: string; n: string }>(
        `select 'stream' t, count(*)::text n from stream union all select 'LIVE', count(*)::text from stream where status = 'LIVE'
         union all select 'follow', count(*)::text from follow union all select 'meter_event', count(*)::text from meter_event
         union all select 'ledger_entry', count(*)::text from ledger_entry union all select 'user', count(*)::text from "user"`,
      );
      console.log(
        `seed: ${counts.rows.map((r) => `${r.t} ${r.n}`).join(", ")} (${seed.viewers} viewers; the busy creator has ${seed.busyStreams} broadcast streams, ` +
          `${seed.sessions} sessions of 60 × 10 s intervals, one settlement entry each) in ${fmt((performance.now() - t0) / 1000, 1)} s ` +
          `(${Object.entries(seed.seconds)
            .map(([k, v]) => `${k} ${fmt(v, 1)} s`)
            .join(", ")})`,
      );

      const results: Measured[] = [];
      console.log("");
      console.log(
        `${"route".padEnd(42)} ${"conns".padStart(5)} ${"req/s".padStart(7)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)}  ${"×static".padStart(7)} ${"×categories".padStart(11)}  statuses; first answer`,
      );
      for (const scenario of SCENARIOS) {
        const m = await measure(client, scenario, cookie);
        results.push(m);
        const ceiling = (path: string) =>
          results.find((r) => r.scenario.path === path && r.scenario.connections === scenario.connections)?.rps ??
          Number.NaN;
        const statuses = Object.entries(m.run.statuses)
          .map(([k, v]) => `${k}: ${v}`)
          .join(", ");
        console.log(
          `${scenario.name.padEnd(42)} ${String(scenario.connections).padStart(5)} ${fmt(m.rps).padStart(7)} ${fmt(percentile(m.run.latenciesMs, 50), 1).padStart(8)} ${fmt(percentile(m.run.latenciesMs, 99), 1).padStart(8)}  ` +
            `${fmt(m.rps / ceiling("/favicon.svg"), 3).padStart(7)} ${fmt(m.rps / ceiling("/api/categories"), 3).padStart(11)}  ${statuses}${m.sample ? `; ${m.sample}` : ""}`,
        );
      }

      console.log("");
      const plansPath = join(tmpdir(), `bench-discover-plans-${process.pid}.txt`);
      const planText: string[] = [];
      console.log(
        `EXPLAIN (ANALYZE, BUFFERS) of each statement the use-cases send (captured from discoverStreams and getCreatorAnalytics; not earnings), as the owner, rolled back:`,
      );
      const explained = new Map<string, ExplainedQuery[]>();
      for (const scenario of SCENARIOS) {
        if (!scenario.capture) continue;
        const captured = await captureQueries(pool, scenario.capture);
        const runs: [string, string[]][] = [[scenario.name, []]];
        if (scenario.coldPrelude) runs.push([`${scenario.name} cold (rollup emptied first)`, scenario.coldPrelude]);
        for (const [name, prelude] of runs) {
          const plans = await explainAll(pool, captured, prelude);
          explained.set(name, plans);
          const total = plans.reduce((sum, p) => sum + p.executionMs, 0);
          const seq = plans.flatMap((p) => p.seqScansOnBig);
          console.log(
            `  ${name}: ${plans.length} statements, ${fmt(total, 1)} ms executing in sum; ` +
              (seq.length ? `SEQ SCAN on a big table: ${seq.join("; ")}` : "every big-table access by index"),
          );
          for (const p of plans) {
            const scans = [...new Set(p.scans)].join("; ") || "no table scan";
            console.log(`    ${fmt(p.executionMs, 2).padStart(8)} ms  ${scans}`);
            console.log(`                 ${shortQuery(p.query, 110)}`);
            planText.push(`-- ${name}\n${p.query}\n${p.plan}\n`);
          }
        }
      }
      writeFileSync(plansPath, planText.join("\n"));
      console.log(`  full plans: ${plansPath}`);

      console.log("");
      const p99Of = (r: Measured | undefined) => (r ? percentile(r.run.latenciesMs, 99) : Number.NaN);
      for (const c of [...new Set([1, CONNECTIONS])]) {
        const at = results.filter((r) => r.scenario.connections === c);
        const worst = Math.max(...at.filter((r) => r.scenario.kind === "discover").map(p99Of));
        const statik = p99Of(at.find((r) => r.scenario.path === "/favicon.svg"));
        console.log(
          `goal discover p99 < ${GOAL_DISCOVER_P99_MS} ms, ${c} connection(s): worst route p99 ${fmt(worst, 1)} ms → ${worst < GOAL_DISCOVER_P99_MS ? "met" : "not met"} ` +
            `(the static asset's p99 through the same client: ${fmt(statik, 1)} ms)`,
        );
      }
      const one = results.find((r) => r.scenario.path === analyticsPath && r.scenario.connections === 1);
      const scaled = METER_EVENTS === 1_000_000 ? "" : ` (${METER_EVENTS} meter events, not 1 M: scale with care)`;
      if (one) {
        const p50 = percentile(one.run.latenciesMs, 50);
        const p99 = percentile(one.run.latenciesMs, 99);
        const sum = (name: string) => (explained.get(name) ?? []).reduce((s, p) => s + p.executionMs, 0);
        console.log(
          `goal analytics over ${DAYS} days < ${GOAL_ANALYTICS_MS} ms (one request at a time, rollup warm): p50 ${fmt(p50, 1)} ms, p99 ${fmt(p99, 1)} ms → ` +
            `${p99 < GOAL_ANALYTICS_MS ? "met" : p50 < GOAL_ANALYTICS_MS ? "met at p50, not at p99" : "not met"}${scaled}; ` +
            `its statements execute in ${fmt(sum(one.scenario.name), 1)} ms in sum under EXPLAIN ANALYZE`,
        );
        console.log(
          `analytics cold (the first read, which fills the rollup of ${DAYS - 1} closed days): ${fmt(one.firstMs, 1)} ms over HTTP; ` +
            `under EXPLAIN ANALYZE with the rollup emptied: ${fmt(sum(`${one.scenario.name} cold (rollup emptied first)`), 1)} ms in sum`,
        );
      }
      if (reloads > 0)
        console.log(`WARNING: wrangler reloaded the Worker ${reloads} time(s): the figures are not valid`);
    } finally {
      client.close();
      await pool.end();
    }
  } catch (error) {
    if (stackLog.length) console.error(`stack log (last lines):\n${stackLog.slice(-30).join("\n")}`);
    throw error;
  } finally {
    await (stack as Stack | null)?.stop();
    clearTimeout(hardStop);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

if (inSnapshot()) await main();
else process.exitCode = await runFromSnapshot("scripts/bench-discover.ts", process.argv.slice(2));
