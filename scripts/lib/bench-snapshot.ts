import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT } from "./paths.ts";

/**
 * `wrangler dev` rebuilds and restarts the Worker whenever a source file changes, dropping every
 * Durable Object's memory and in-flight request. A benchmark must not measure a tree that others
 * are editing, so it runs from a copy of the working tree (tracked and untracked files that git
 * does not ignore, plus the built client), with node_modules and .cache linked, and removes the
 * copy afterwards.
 */
export const SNAPSHOT_ENV = "BENCH_SNAPSHOT_OF";

export function inSnapshot(): boolean {
  return process.env[SNAPSHOT_ENV] !== undefined;
}

export interface SnapshotInfo {
  dir: string;
  commit: string;
  /** Files that differ from the commit (modified or untracked). */
  changedFiles: number;
}

function git(args: string[]): string {
  const result = spawnSync("git", ["-C", ROOT, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

export function snapshotWorkingTree(): SnapshotInfo {
  const dir = mkdtempSync(join(tmpdir(), "bench-src-"));
  const files = git(["ls-files", "-z", "--cached", "--others", "--exclude-standard"]).split("\0").filter(Boolean);
  for (const file of files) {
    const from = join(ROOT, file);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(from, join(dir, file));
  }
  if (existsSync(join(ROOT, "dist/client")))
    cpSync(join(ROOT, "dist/client"), join(dir, "dist/client"), { recursive: true });
  for (const link of ["node_modules", ".cache"]) {
    if (existsSync(join(ROOT, link))) symlinkSync(join(ROOT, link), join(dir, link));
  }
  return {
    dir,
    commit: git(["rev-parse", "--short", "HEAD"]).trim(),
    changedFiles: git(["status", "--porcelain"]).split("\n").filter(Boolean).length,
  };
}

/** Runs `script` (relative to the repository root) from a fresh snapshot; resolves to its exit code. */
export async function runFromSnapshot(script: string, argv: readonly string[]): Promise<number> {
  const snapshot = snapshotWorkingTree();
  console.log(
    `code: a snapshot of the working tree (commit ${snapshot.commit} + ${snapshot.changedFiles} changed files) in ${snapshot.dir}, so edits made meanwhile do not reload the Worker`,
  );
  try {
    const child = spawn(process.execPath, [join(snapshot.dir, script), ...argv], {
      stdio: "inherit",
      env: { ...process.env, [SNAPSHOT_ENV]: ROOT },
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    const code = await new Promise<number>((resolve) =>
      child.on("exit", (c, signal) => resolve(c ?? (signal ? 130 : 1))),
    );
    process.off("SIGINT", forward);
    process.off("SIGTERM", forward);
    return code;
  } finally {
    rmSync(snapshot.dir, { recursive: true, force: true });
  }
}
