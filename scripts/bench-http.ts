// HTTP under load: the whole stack (`wrangler dev`, the WebSocket proxy, pgbouncer, loopback
// Postgres) answering a DB-backed route, an authenticated route and a static asset, each at
// 32 and 128 keep-alive connections, in one run so the figures share one machine state.
//   npm run bench:http [-- --seconds 8] [--connections 32,128] [--no-pooler]
//   DATABASE_URL (postgres://postgres@127.0.0.1:5432/test): loopback server; a fresh database is
//   created and dropped.
// Goal: no errors or timeouts at 128 connections; each DB-backed route at ≥ 0.5× the static route's req/s.
import { existsSync } from "node:fs";
import http from "node:http";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { freePort } from "./lib/free-port.ts";
import { ROOT } from "./lib/paths.ts";
import { DEMO_PASSWORD } from "./lib/seed-data.ts";
import { startStack, type Stack } from "./lib/stack.ts";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "8" },
    connections: { type: "string", default: "32,128" },
    "no-pooler": { type: "boolean", default: false },
  },
});
const SECONDS = Number(args.seconds);
const CONNECTIONS = args.connections.split(",").map(Number);
if (!(SECONDS > 0) || CONNECTIONS.some((c) => !Number.isInteger(c) || c < 1 || c > 1024)) {
  throw new Error("--seconds must be > 0 and --connections a list of integers 1–1024");
}
const USE_POOLER = !args["no-pooler"];
const WARMUP_MS = 1000;
const TIMEOUT_MS = 10_000;
const BASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const VIEWER = "viewer1@tollgate.test";
if (!["127.0.0.1", "localhost", "[::1]"].includes(new URL(BASE_URL).hostname)) {
  throw new Error("bench-http runs against loopback Postgres only");
}

interface Route {
  name: string;
  path: string;
  kind: "db" | "noop";
  cookie?: string;
}

interface Result {
  requests: number;
  errors: number;
  timeouts: number;
  rps: number;
  p50: number;
  p99: number;
  firstError: string;
}

/** `connections` loops, each one request at a time on its own keep-alive socket. */
async function load(stack: Stack, route: Route, connections: number, seconds: number): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(route.path, stack.url);
  const latencies: number[] = [];
  let errors = 0;
  let timeouts = 0;
  let firstError = "";
  let measuring = false;
  let done = false;
  const one = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = http.get(
        url,
        { agent, headers: route.cookie ? { cookie: route.cookie } : {}, timeout: TIMEOUT_MS },
        (res) => {
          res.resume();
          res.on("end", () => {
            if (measuring) {
              if (res.statusCode === 200) latencies.push(performance.now() - started);
              else {
                errors += 1;
                firstError ||= `HTTP ${res.statusCode}`;
              }
            }
            resolve();
          });
        },
      );
      req.on("timeout", () => {
        if (measuring) timeouts += 1;
        req.destroy(new Error("timeout"));
      });
      req.on("error", (error) => {
        if (measuring && error.message !== "timeout") {
          errors += 1;
          firstError ||= error.message;
        }
        resolve();
      });
    });
  const loops = Array.from({ length: connections }, async () => {
    while (!done) await one();
  });
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  measuring = true;
  const started = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  measuring = false;
  const elapsed = (performance.now() - started) / 1000;
  done = true;
  await Promise.all(loops);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? Number.NaN;
  return {
    requests: latencies.length,
    errors,
    timeouts,
    rps: latencies.length / elapsed,
    p50: pct(0.5),
    p99: pct(0.99),
    firstError,
  };
}

/** Logs in through the API, as a browser would: the access token's `sid` names a live refresh family. */
async function login(stack: Stack): Promise<string> {
  const res = await fetch(`${stack.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: stack.url },
    body: JSON.stringify({ email: VIEWER, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .filter(Boolean)
    .join("; ");
  const check = await fetch(`${stack.url}/api/wallet/balance`, { headers: { cookie } });
  if (check.status !== 200) throw new Error(`GET /api/wallet/balance with the login's cookies: HTTP ${check.status}`);
  return cookie;
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

async function main(): Promise<void> {
  process.env.DATABASE_URL = BASE_URL;
  const stackLog: string[] = [];
  const started = performance.now();
  const stack = await startStack({
    mode: "test",
    port: await freePort(),
    pooler: USE_POOLER,
    skipClientBuild: existsSync(`${ROOT}dist/client/favicon.svg`),
    log: (line) => {
      if (stackLog.push(line) > 100) stackLog.shift();
    },
    logLiveKit: () => undefined,
  });
  let failed = false;
  try {
    console.log(`stack: ${stack.url}, up in ${fmt((performance.now() - started) / 1000, 1)} s`);
    console.log(
      stack.pooler
        ? `Worker → WebSocket proxy → pgbouncer (${stack.pooler.binary}, transaction mode, ${stack.pooler.serverConnections} server connections) → Postgres, as ${new URL(stack.databaseUrl).username}`
        : `Worker → WebSocket proxy → Postgres (no pooler), as ${new URL(stack.databaseUrl).username}`,
    );
    const cookie = await login(stack);
    const routes: Route[] = [
      { name: "static /favicon.svg", path: "/favicon.svg", kind: "noop" },
      { name: "db GET /api/categories", path: "/api/categories", kind: "db" },
      { name: "auth GET /api/wallet/balance", path: "/api/wallet/balance", kind: "db", cookie },
    ];
    console.log(
      `${SECONDS} s per route and connection count (after ${WARMUP_MS} ms warm-up), keep-alive Node http client; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    console.log(
      `${"route".padEnd(30)} ${"conns".padStart(5)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"errors".padStart(7)} ${"timeouts".padStart(8)}  ratio to static`,
    );
    const goals: string[] = [];
    for (const connections of CONNECTIONS) {
      let noop = Number.NaN;
      for (const route of routes) {
        const r = await load(stack, route, connections, SECONDS);
        if (route.kind === "noop") noop = r.rps;
        const ratio = route.kind === "db" ? r.rps / noop : Number.NaN;
        console.log(
          `${route.name.padEnd(30)} ${String(connections).padStart(5)} ${fmt(r.rps).padStart(8)} ${fmt(r.p50, 1).padStart(8)} ${fmt(r.p99, 1).padStart(8)} ${String(r.errors).padStart(7)} ${String(r.timeouts).padStart(8)}  ${route.kind === "db" ? `${fmt(ratio, 2)}×` : ""}${r.firstError ? `  first error: ${r.firstError}` : ""}`,
        );
        if (connections === Math.max(...CONNECTIONS)) {
          if (r.errors + r.timeouts > 0) goals.push(`${route.name}: ${r.errors} errors, ${r.timeouts} timeouts`);
          if (route.kind === "db" && !(ratio >= 0.5)) goals.push(`${route.name}: ${fmt(ratio, 2)}× the static route`);
        }
      }
    }
    const top = Math.max(...CONNECTIONS);
    if (goals.length) {
      failed = true;
      console.log(`goal NOT met at ${top} connections (no errors or timeouts, DB-backed ≥ 0.5× static):`);
      for (const g of goals) console.log(`  ${g}`);
    } else {
      console.log(`goal met at ${top} connections: no errors or timeouts, DB-backed routes ≥ 0.5× the static route`);
    }
  } catch (error) {
    for (const line of stackLog.slice(-30)) console.error(`  ${line}`);
    throw error;
  } finally {
    await stack.stop();
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
