import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PgbenchRun {
  tps: number;
  transactions: number;
  failed: number;
  latenciesMs: number[];
}

export interface PgbenchOptions {
  clients: number;
  threads: number;
  seconds: number;
  /** -D name=value, for :name in the script. */
  vars?: Record<string, string | number>;
  pgbench?: string;
}

/**
 * Runs a custom pgbench script (-n: no vacuum of pgbench's own tables; -M extended: the protocol
 * node-postgres and the Neon driver use, parse + bind + execute with an unnamed statement) and
 * reads the per-transaction log for percentiles.
 */
export async function runPgbench(url: string, script: string, options: PgbenchOptions): Promise<PgbenchRun> {
  const dir = mkdtempSync(join(tmpdir(), "bench-pgbench-"));
  try {
    const scriptPath = join(dir, "script.sql");
    writeFileSync(scriptPath, script);
    const args = [
      "-n",
      "-M",
      "extended",
      "-c",
      String(options.clients),
      "-j",
      String(options.threads),
      "-T",
      String(options.seconds),
      ...Object.entries(options.vars ?? {}).flatMap(([k, v]) => ["-D", `${k}=${v}`]),
      "-f",
      scriptPath,
      "-l",
      "--log-prefix",
      join(dir, "log"),
      url,
    ];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(options.pgbench ?? process.env.PGBENCH ?? "pgbench", args, {
        stdio: ["ignore", "pipe", "pipe"],
      });
      let text = "";
      child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
      const timer = setTimeout(() => child.kill("SIGKILL"), (options.seconds + 60) * 1000);
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on("close", (code) => {
        clearTimeout(timer);
        if (code === 0) resolve(text);
        else reject(new Error(`pgbench exited with ${code}:\n${text}`));
      });
    });
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1] ?? Number.NaN);
    const transactions = Number(/number of transactions actually processed: (\d+)/.exec(output)?.[1] ?? Number.NaN);
    const failed = Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? 0);
    const latenciesMs: number[] = [];
    for (const file of readdirSync(dir).filter((f) => f.startsWith("log"))) {
      for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
        const micros = Number(line.split(" ")[2]);
        if (line.length > 0 && Number.isFinite(micros)) latenciesMs.push(micros / 1000);
      }
    }
    latenciesMs.sort((a, b) => a - b);
    return { tps, transactions, failed, latenciesMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
