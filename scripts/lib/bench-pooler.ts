import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port.ts";

/**
 * PgBouncer in transaction mode in front of a loopback Postgres: what Neon's pooled endpoint is
 * in production. The dev and test stacks put it between the Worker's WebSocket proxy and a Postgres
 * server (scripts/lib/stack.ts), bench:meter runs one of its own. Without it every ViewerSession
 * object keeps a server connection of its own, and a local Postgres (max_connections 100) cannot
 * hold thousands of sessions. It logs in to Postgres as the target URL's user, whatever user a
 * client names (auth_type any): the stack passes the app role's URL.
 */
export interface Pooler {
  /** The same server and database as the target, through the pooler. */
  url: string;
  binary: string;
  serverConnections: number;
  stop(): Promise<void>;
}

export function findPgbouncer(): string | null {
  const candidates = [process.env.PGBOUNCER, "/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (found) return found;
  const which = spawnSync("which", ["pgbouncer"], { encoding: "utf8" });
  return which.status === 0 ? which.stdout.trim() || null : null;
}

export async function startPooler(targetUrl: string, options: { serverConnections: number }): Promise<Pooler> {
  const binary = findPgbouncer();
  if (!binary) throw new Error("pgbouncer not found (apt-get install pgbouncer, or set PGBOUNCER)");
  const target = new URL(targetUrl);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "bench-pooler-"));
  chmodSync(dir, 0o755); // pgbouncer drops root privileges before it reads the file
  const config = join(dir, "pgbouncer.ini");
  writeFileSync(
    config,
    [
      "[databases]",
      // Any database name: the stack creates a fresh one per run.
      `* = host=${target.hostname} port=${target.port || 5432} user=${decodeURIComponent(target.username || "postgres")}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = any",
      "pool_mode = transaction",
      "max_client_conn = 10000",
      `default_pool_size = ${options.serverConnections}`,
      `max_db_connections = ${options.serverConnections}`,
      "ignore_startup_parameters = extra_float_digits,options",
      "",
    ].join("\n"),
  );
  chmodSync(config, 0o644);
  const args = process.getuid?.() === 0 ? ["-u", "postgres", config] : [config];
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`pgbouncer did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    binary,
    serverConnections: options.serverConnections,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGTERM"); // pgbouncer 1.18: immediate shutdown (SIGINT waits for clients)
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
