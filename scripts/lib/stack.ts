import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { findPgbouncer, startPooler } from "./bench-pooler.ts";
import { appRoleUrl, canConnect, createFreshDatabase, migrateDatabase, openDb } from "./database.ts";
import { readVarsFile, writeVarsFile } from "./dev-vars.ts";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";
import { freePort, isPortFree } from "./free-port.ts";
import { ensureDevJwtKey, ephemeralJwtKey } from "./jwt-dev-key.ts";
import { ensureDevLiveKitKeys, startLiveKit, type LiveKitPorts } from "./livekit.ts";
import { ensureLiveKitServer } from "./livekit-binary.ts";
import { BIN, DATA_DIR, ROOT, toolEnv } from "./paths.ts";
import { seedDatabase } from "./seed.ts";
import { startWsProxy } from "./ws-proxy.ts";

/** The variables the Worker reads (worker/env.ts); the environment overrides .dev.vars for each. */
export const WORKER_VARS = [
  "ENVIRONMENT",
  "DATABASE_URL",
  "APP_URL",
  "PLATFORM_FEE_BPS",
  "JWT_PRIVATE_KEY",
  "JWT_KEY_ID",
  "LIVEKIT_API_KEY",
  "LIVEKIT_API_SECRET",
  "LIVEKIT_WS_URL",
  "METER_INTERVAL_MS",
  "STRIPE_SECRET_KEY",
  "STRIPE_PUBLISHABLE_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "STRIPE_API_BASE",
  "COINBASE_API_KEY",
  "COINBASE_WEBHOOK_SECRET",
  "COINBASE_API_BASE",
  "EMAIL_FROM",
  "RESEND_API_KEY",
] as const;

/** METER_INTERVAL_MS in the test tiers (production: 10 s): short enough for a test to watch a few ticks. */
export const TEST_METER_INTERVAL_MS = 2000;

export interface StackOptions {
  /** "dev": persistent embedded data and key; "test": fresh database and key per run. */
  mode: "dev" | "test";
  port?: number;
  log?: (line: string) => void;
  /** livekit-server's warnings and the progress of its one-time build; defaults to `log`. */
  logLiveKit?: (line: string) => void;
  /** Extra Worker variables (tests). */
  vars?: Record<string, string>;
  /** Skip `vite build` (the caller built the client already). */
  skipClientBuild?: boolean;
  /** pgbouncer between the WebSocket proxy and a Postgres server (default true; PGlite never has one). */
  pooler?: boolean;
}

export interface Stack {
  url: string;
  /** The Worker's: the app role, through pgbouncer when `pooler` is set. */
  databaseUrl: string;
  /** The owner, straight to Postgres. */
  ownerUrl: string;
  pooler: DatabaseStack["pooler"];
  wsProxy: string;
  embedded: boolean;
  /** The LiveKit the Worker was given, or null: no video (dev without a livekit-server binary). */
  livekit: StackLiveKit | null;
  stop(): Promise<void>;
}

export interface StackLiveKit {
  /** ws(s):// signalling URL, the Worker's LIVEKIT_WS_URL. */
  url: string;
  /** The same server over http(s)://: Room API, WHIP. */
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  /** Started by this stack (false: LIVEKIT_* named an external server). */
  embedded: boolean;
  stop(): Promise<void>;
}

/** livekit-server's defaults; LIVEKIT_PORT and LIVEKIT_UDP_PORT move them. */
const DEV_LIVEKIT_PORTS: LiveKitPorts = { port: 7880, udpPort: 7882 };
const LIVEKIT_VARS = ["LIVEKIT_API_KEY", "LIVEKIT_API_SECRET", "LIVEKIT_WS_URL"] as const;

export interface DatabaseStack {
  /** The Worker's DATABASE_URL: the app role (migration 0005), through the pooler when one runs. */
  databaseUrl: string;
  /** The owner, straight to Postgres: migrations, seed, and tests that need DDL. */
  ownerUrl: string;
  wsProxy: string;
  embedded: boolean;
  /** pgbouncer in transaction mode between the WebSocket proxy and Postgres, or null. */
  pooler: { binary: string; serverConnections: number } | null;
  stop(): Promise<void>;
}

/** Server connections the stack's pgbouncer opens per database; requests beyond them queue in it. */
export const POOLER_SERVER_CONNECTIONS = 20;

/**
 * Postgres (DATABASE_URL, else embedded PGlite), migrations and seed as the owner over a direct
 * connection, then for the Worker: pgbouncer (transaction mode, as Neon's pooled endpoint) in front
 * of a Postgres server, and the WebSocket proxy. The Worker connects as the app role; embedded
 * PGlite serves one user whatever name a client gives, so there the Worker runs as the owner.
 * In test mode a real server gets a fresh database per run, dropped at stop().
 */
export async function startDatabase(options: {
  mode: "dev" | "test";
  databaseUrl?: string | undefined;
  /** Default true; false: the WebSocket proxy goes straight to Postgres (bench:http --no-pooler). */
  pooler?: boolean;
  log?: (line: string) => void;
}): Promise<DatabaseStack> {
  const log = options.log ?? ((line: string) => console.warn(line));
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const fn of cleanups) await fn();
  };
  let databaseUrl = options.databaseUrl;
  let embedded = false;
  if (!databaseUrl) {
    const pg = await startEmbeddedPostgres(options.mode === "dev" ? { dataDir: `${DATA_DIR}/pglite` } : {});
    cleanups.push(pg.stop);
    databaseUrl = pg.url;
    embedded = true;
  } else {
    if (!(await canConnect(databaseUrl))) throw new Error(`Cannot connect to DATABASE_URL (${redact(databaseUrl)})`);
    if (options.mode === "test") {
      const fresh = await createFreshDatabase(databaseUrl);
      cleanups.push(fresh.drop);
      databaseUrl = fresh.url;
    }
  }
  const ownerUrl = databaseUrl;
  try {
    await migrateDatabase(ownerUrl);
    const { db, pool } = openDb(ownerUrl, 1);
    try {
      await seedDatabase(db);
    } finally {
      await pool.end();
    }
    let workerUrl = embedded ? ownerUrl : appRoleUrl(ownerUrl);
    let pooler: DatabaseStack["pooler"] = null;
    if (!embedded && options.pooler !== false) {
      if (findPgbouncer()) {
        const started = await startPooler(workerUrl, { serverConnections: POOLER_SERVER_CONNECTIONS });
        cleanups.unshift(started.stop);
        workerUrl = started.url;
        pooler = { binary: started.binary, serverConnections: started.serverConnections };
      } else if (process.env.CI === "true") {
        throw new Error(
          "pgbouncer not found (apt-get install pgbouncer, or set PGBOUNCER); under CI this is a failure.",
        );
      } else {
        log("pgbouncer not found (apt-get install pgbouncer): the Worker connects straight to Postgres.");
      }
    }
    // Fails here, not in the Worker's first request, when the role or the pooler does not let it in.
    if (!(await canConnect(workerUrl)))
      throw new Error(`The Worker's database URL does not connect (${redact(workerUrl)})`);
    const proxy = await startWsProxy();
    cleanups.unshift(proxy.stop);
    return { databaseUrl: workerUrl, ownerUrl, wsProxy: proxy.address, embedded, pooler, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? ((line: string) => console.log(line));
  const fileVars = options.mode === "dev" ? readVarsFile(`${ROOT}.dev.vars`) : {};
  const pick = (key: string): string | undefined => process.env[key] ?? fileVars[key];
  const port = options.port ?? (Number(process.env.PORT) || 8787);
  const url = `http://127.0.0.1:${port}`;

  // LiveKit starts beside the database: it needs nothing from it, only the Worker's future URL for webhooks.
  const [databaseStarted, livekitStarted] = await Promise.allSettled([
    startDatabase({
      mode: options.mode,
      databaseUrl: options.mode === "test" ? process.env.DATABASE_URL : pick("DATABASE_URL"),
      pooler: options.pooler ?? true,
      log,
    }),
    startStackLiveKit({
      mode: options.mode,
      pick,
      webhookUrl: `${url}/api/webhooks/livekit`,
      log: options.logLiveKit ?? log,
    }),
  ]);
  if (databaseStarted.status === "rejected") {
    if (livekitStarted.status === "fulfilled") await livekitStarted.value?.stop();
    throw databaseStarted.reason;
  }
  if (livekitStarted.status === "rejected") {
    await databaseStarted.value.stop();
    throw livekitStarted.reason;
  }
  const database = databaseStarted.value;
  const livekit = livekitStarted.value;
  const children: ChildProcess[] = [];
  const persist = options.mode === "dev" ? `${ROOT}.wrangler/state` : `${ROOT}.wrangler/test-state-${port}`;
  let cron: ReturnType<typeof setInterval> | undefined;
  const stop = async () => {
    if (cron) clearInterval(cron);
    await Promise.all(children.map(killTree));
    await livekit?.stop();
    await database.stop();
    if (options.mode === "test") rmSync(persist, { recursive: true, force: true });
  };
  try {
    if (!options.skipClientBuild) await run(`${BIN}/vite`, ["build", "--logLevel", "warn"], log);

    const vars: Record<string, string> = {};
    for (const key of WORKER_VARS) {
      const value = pick(key);
      if (value !== undefined) vars[key] = value;
    }
    Object.assign(vars, {
      ENVIRONMENT: vars.ENVIRONMENT ?? (options.mode === "dev" ? "development" : "test"),
      APP_URL: vars.APP_URL ?? url,
      JWT_PRIVATE_KEY:
        vars.JWT_PRIVATE_KEY ??
        (options.mode === "dev" ? ensureDevJwtKey(`${DATA_DIR}/dev-jwt-private.pem`) : ephemeralJwtKey()),
      ...(livekit?.embedded
        ? { LIVEKIT_WS_URL: livekit.url, LIVEKIT_API_KEY: livekit.apiKey, LIVEKIT_API_SECRET: livekit.apiSecret }
        : {}),
      ...options.vars,
      DATABASE_URL: database.databaseUrl,
      NEON_WS_PROXY: database.wsProxy,
    });
    mkdirSync(`${ROOT}.wrangler`, { recursive: true });
    const envFile = `${ROOT}.wrangler/${options.mode}-${port}.vars`;
    writeVarsFile(envFile, vars);

    const wrangler = spawn(
      `${BIN}/wrangler`,
      [
        "dev",
        "--ip",
        "127.0.0.1",
        "--port",
        String(port),
        "--env-file",
        envFile,
        "--persist-to",
        persist,
        "--show-interactive-dev-session=false",
        // wrangler dev does not fire Cron Triggers; it exposes /__scheduled, which dev calls below.
        "--test-scheduled",
        "--inspector-port",
        String(await freePort()),
      ],
      { cwd: ROOT, env: toolEnv(), stdio: ["ignore", "pipe", "pipe"], detached: true },
    );
    children.push(wrangler);
    pipeLines(wrangler, log);
    await waitForHttp(`${url}/api/health`, 90_000, wrangler);
    if (options.mode === "dev") {
      // The minute Cron of wrangler.toml (worker/scheduled.ts), as Cloudflare would run it.
      cron = setInterval(() => {
        fetch(`${url}/__scheduled?cron=${encodeURIComponent("* * * * *")}`).catch((error: unknown) =>
          log(`cron: ${error instanceof Error ? error.message : String(error)}`),
        );
      }, 60_000);
      cron.unref();
    }
    return {
      url,
      databaseUrl: database.databaseUrl,
      ownerUrl: database.ownerUrl,
      pooler: database.pooler,
      wsProxy: database.wsProxy,
      embedded: database.embedded,
      livekit,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * dev: LIVEKIT_* (environment or .dev.vars) names an external server and nothing starts; otherwise
 * livekit-server on loopback, fixed ports, keys kept in .data/livekit-keys.json. A binary that is
 * missing and cannot be built means no video: said once, and the app runs without it.
 * test: always a server of its own on free ports with throwaway keys; a missing binary fails the run.
 */
async function startStackLiveKit(options: {
  mode: "dev" | "test";
  pick: (key: string) => string | undefined;
  webhookUrl: string;
  log: (line: string) => void;
}): Promise<StackLiveKit | null> {
  const { mode, pick, log } = options;
  if (mode === "dev" && LIVEKIT_VARS.some((key) => pick(key))) {
    const missing = LIVEKIT_VARS.filter((key) => !pick(key));
    if (missing.length) log(`LiveKit: ${missing.join(", ")} unset, so the Worker has no live video.`);
    const url = pick("LIVEKIT_WS_URL") ?? "";
    return {
      url,
      httpUrl: url.replace(/^ws(s?):\/\//, "http$1://"),
      apiKey: pick("LIVEKIT_API_KEY") ?? "",
      apiSecret: pick("LIVEKIT_API_SECRET") ?? "",
      embedded: false,
      stop: async () => undefined,
    };
  }
  let bin: string;
  try {
    bin = await ensureLiveKitServer(log);
  } catch (error) {
    if (mode === "test") throw error;
    const message = error instanceof Error ? error.message : String(error);
    for (const line of `${message}\nContinuing without live video.`.split("\n")) log(line);
    return null;
  }
  const server =
    mode === "dev"
      ? await startLiveKit(bin, {
          keys: ensureDevLiveKitKeys(`${DATA_DIR}/livekit-keys.json`),
          ports: await devLiveKitPorts(log),
          webhookUrls: [options.webhookUrl],
          log,
        })
      : await startLiveKit(bin, { webhookUrls: [options.webhookUrl] });
  return { ...server, embedded: true };
}

/** 7880/7882 unless LIVEKIT_PORT / LIVEKIT_UDP_PORT say otherwise; a taken default falls back to free ports. */
async function devLiveKitPorts(log: (line: string) => void): Promise<LiveKitPorts | undefined> {
  const asked = (name: string) => {
    const raw = process.env[name];
    if (raw === undefined || raw === "") return undefined;
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name}=${raw} is not a port number`);
    return port;
  };
  const port = asked("LIVEKIT_PORT");
  const udpPort = asked("LIVEKIT_UDP_PORT");
  const ports = { port: port ?? DEV_LIVEKIT_PORTS.port, udpPort: udpPort ?? DEV_LIVEKIT_PORTS.udpPort };
  const [tcpFree, udpFree] = await Promise.all([isPortFree(ports.port, "tcp"), isPortFree(ports.udpPort, "udp")]);
  if (tcpFree && udpFree) return ports;
  const taken = !tcpFree ? `TCP ${ports.port}` : `UDP ${ports.udpPort}`;
  if (port !== undefined || udpPort !== undefined) {
    throw new Error(`LiveKit: ${taken} is taken; choose other LIVEKIT_PORT / LIVEKIT_UDP_PORT values.`);
  }
  log(`LiveKit: ${taken} is taken (another Tollgate running?), so it listens on free ports this time.`);
  return undefined;
}

function pipeLines(child: ChildProcess, log: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let buf = "";
    stream?.on("data", (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split("\n");
      buf = lines.pop() ?? "";
      for (const l of lines) if (l.trim()) log(l);
    });
  }
}

export function run(cmd: string, args: string[], log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: toolEnv(), stdio: ["ignore", "pipe", "pipe"] });
    pipeLines(child, log);
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}`))));
  });
}

async function waitForHttp(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode} before ${url} answered`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export function killTree(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) return resolve();
    child.once("exit", () => resolve());
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
    setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
      resolve();
    }, 5000).unref();
  });
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
}
