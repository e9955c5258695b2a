import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { canConnect, createFreshDatabase, migrateDatabase, openDb } from "./database.ts";
import { readVarsFile, writeVarsFile } from "./dev-vars.ts";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";
import { freePort } from "./free-port.ts";
import { ensureDevJwtKey, ephemeralJwtKey } from "./jwt-dev-key.ts";
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

export interface StackOptions {
  /** "dev": persistent embedded data and key; "test": fresh database and key per run. */
  mode: "dev" | "test";
  port?: number;
  log?: (line: string) => void;
  /** Extra Worker variables (tests). */
  vars?: Record<string, string>;
  /** Skip `vite build` (the caller built the client already). */
  skipClientBuild?: boolean;
}

export interface Stack {
  url: string;
  databaseUrl: string;
  wsProxy: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface DatabaseStack {
  databaseUrl: string;
  wsProxy: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * Postgres (DATABASE_URL, else embedded PGlite), the WebSocket proxy, migrations and seed.
 * In test mode a real server gets a fresh database per run, dropped at stop().
 */
export async function startDatabase(options: {
  mode: "dev" | "test";
  databaseUrl?: string | undefined;
}): Promise<DatabaseStack> {
  const cleanups: (() => Promise<void>)[] = [];
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
  await migrateDatabase(databaseUrl);
  const { db, pool } = openDb(databaseUrl, 1);
  try {
    await seedDatabase(db);
  } finally {
    await pool.end();
  }
  const proxy = await startWsProxy();
  cleanups.unshift(proxy.stop);
  return {
    databaseUrl,
    wsProxy: proxy.address,
    embedded,
    stop: async () => {
      for (const fn of cleanups) await fn();
    },
  };
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? ((line: string) => console.log(line));
  const fileVars = options.mode === "dev" ? readVarsFile(`${ROOT}.dev.vars`) : {};
  const pick = (key: string): string | undefined => process.env[key] ?? fileVars[key];
  const port = options.port ?? (Number(process.env.PORT) || 8787);
  const url = `http://127.0.0.1:${port}`;

  const database = await startDatabase({
    mode: options.mode,
    databaseUrl: options.mode === "test" ? process.env.DATABASE_URL : pick("DATABASE_URL"),
  });
  const children: ChildProcess[] = [];
  const persist = options.mode === "dev" ? `${ROOT}.wrangler/state` : `${ROOT}.wrangler/test-state-${port}`;
  const stop = async () => {
    await Promise.all(children.map(killTree));
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
        "--inspector-port",
        String(await freePort()),
      ],
      { cwd: ROOT, env: toolEnv(), stdio: ["ignore", "pipe", "pipe"], detached: true },
    );
    children.push(wrangler);
    pipeLines(wrangler, log);
    await waitForHttp(`${url}/api/health`, 90_000, wrangler);
    return { url, databaseUrl: database.databaseUrl, wsProxy: database.wsProxy, embedded: database.embedded, stop };
  } catch (error) {
    await stop();
    throw error;
  }
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
