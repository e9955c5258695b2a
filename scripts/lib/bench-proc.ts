import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time from /proc (Linux), in ms: who burned the cores during a benchmark window. Threads'
 * run time comes from schedstat (nanoseconds); /proc/stat and the postmaster's reaped-children
 * counter only tick in 10 ms steps, good enough over seconds.
 */

const TICK_MS = 10; // USER_HZ is 100 on Linux

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime, ms (10 ms steps). */
  own: number;
  /** cutime + cstime (reaped children), ms. */
  children: number;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null; // exited meanwhile
  }
}

function readStat(path: string): ProcStat | null {
  const text = read(path);
  if (text === null) return null;
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  const fields = text.slice(close + 2).split(" ");
  // fields[0] is field 3 (state): ppid is field 4, utime..cstime fields 14..17.
  const num = (field: number) => Number(fields[field - 3]);
  return {
    pid: Number(text.slice(0, open)),
    ppid: num(4),
    comm: text.slice(open + 1, close),
    own: (num(14) + num(15)) * TICK_MS,
    children: (num(16) + num(17)) * TICK_MS,
  };
}

/** Run time of every thread of a process, ms (ns precision), by thread id. */
function threadTimes(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    const text = read(`/proc/${pid}/task/${tid}/schedstat`);
    if (text !== null) out.set(Number(tid), Number(text.split(" ")[0]) / 1e6);
  }
  return out;
}

const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);

function allProcs(): ProcStat[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((pid) => readStat(`/proc/${pid}/stat`))
    .filter((p): p is ProcStat => p !== null);
}

function descendantsOf(root: number, procs: readonly ProcStat[]): ProcStat[] {
  const byParent = new Map<number, ProcStat[]>();
  for (const p of procs) byParent.set(p.ppid, [...(byParent.get(p.ppid) ?? []), p]);
  const out: ProcStat[] = [];
  const stack = [...(byParent.get(root) ?? [])];
  while (stack.length) {
    const p = stack.pop();
    if (!p) break;
    out.push(p);
    stack.push(...(byParent.get(p.pid) ?? []));
  }
  return out;
}

export type CpuGroup = "workerd" | "wrangler" | "bench" | "postgresDb" | "postgres" | "pooler" | "livekit";

export interface CpuSnapshot {
  at: number;
  /** All CPUs' busy (non-idle, non-iowait) time, ms. */
  systemBusy: number;
  groups: Record<CpuGroup, number>;
  /** Per workerd thread: "pid/tid" → ms. */
  workerdThreads: Map<string, number>;
  /** Per workerd process (wrangler dev runs two: its proxy and the Worker's runtime): pid → ms. */
  workerdProcesses: Map<number, number>;
  /** Per Postgres backend of the database: pid → ms (a backend that exits takes its time with it). */
  databaseBackends: Map<number, number>;
}

/**
 * This process (load generator + the stack's WebSocket proxy), its children (workerd, wrangler,
 * pgbouncer, livekit), the Postgres backends serving `database`, and the whole Postgres server
 * (other databases included; exited backends are counted through the postmaster).
 */
export function cpuSnapshot(database?: string): CpuSnapshot {
  const procs = allProcs();
  const groups: Record<CpuGroup, number> = {
    workerd: 0,
    wrangler: 0,
    bench: sum(threadTimes(process.pid)),
    postgresDb: 0,
    postgres: 0,
    pooler: 0,
    livekit: 0,
  };
  const workerdThreads = new Map<string, number>();
  const workerdProcesses = new Map<number, number>();
  const databaseBackends = new Map<number, number>();
  for (const p of descendantsOf(process.pid, procs)) {
    const threads = threadTimes(p.pid);
    const total = sum(threads);
    if (p.comm === "workerd") {
      groups.workerd += total;
      workerdProcesses.set(p.pid, total);
      for (const [tid, ms] of threads) workerdThreads.set(`${p.pid}/${tid}`, ms);
    } else if (p.comm.startsWith("node")) groups.wrangler += total;
    else if (p.comm === "pgbouncer") groups.pooler += total;
    else if (p.comm === "server" || p.comm.startsWith("livekit")) groups.livekit += total;
  }
  for (const p of procs) {
    if (p.comm !== "postgres") continue;
    // Backends that exit are reaped by the postmaster: their time moves to its children's counter.
    groups.postgres += p.own + (p.ppid === 1 ? p.children : 0);
    if (database && (read(`/proc/${p.pid}/cmdline`) ?? "").includes(` ${database} `)) {
      databaseBackends.set(p.pid, sum(threadTimes(p.pid)));
    }
  }
  const cpu = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0) * TICK_MS;
  const idle = ((cpu[3] ?? 0) + (cpu[4] ?? 0)) * TICK_MS;
  groups.postgresDb = sum(databaseBackends);
  return {
    at: performance.now(),
    systemBusy: total - idle,
    groups,
    workerdThreads,
    workerdProcesses,
    databaseBackends,
  };
}

export interface CpuUse {
  seconds: number;
  /** CPU ms per group over the span. */
  ms: Record<CpuGroup, number>;
  /** Cores' worth per group (1.0 = one core fully busy). */
  cores: Record<CpuGroup, number>;
  systemCores: number;
  /** The busiest workerd thread, cores. */
  workerdBusiestThread: number;
  /** Each workerd process, busiest first, cores. */
  workerdProcesses: number[];
  /** Everything else on the machine (other users' work included), cores. */
  otherCores: number;
}

export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot): CpuUse {
  const seconds = (b.at - a.at) / 1000;
  const per = (ms: number) => ms / 1000 / seconds;
  const ms = {} as Record<CpuGroup, number>;
  const cores = {} as Record<CpuGroup, number>;
  for (const key of Object.keys(a.groups) as CpuGroup[]) ms[key] = b.groups[key] - a.groups[key];
  // Backends present at the end only: one that exited in between must not count negative.
  ms.postgresDb = [...b.databaseBackends].reduce((t, [pid, v]) => t + v - (a.databaseBackends.get(pid) ?? 0), 0);
  for (const key of Object.keys(ms) as CpuGroup[]) cores[key] = per(ms[key]);
  let busiest = 0;
  for (const [tid, t] of b.workerdThreads) busiest = Math.max(busiest, t - (a.workerdThreads.get(tid) ?? 0));
  const workerdProcesses = [...b.workerdProcesses]
    .map(([pid, t]) => per(t - (a.workerdProcesses.get(pid) ?? 0)))
    .sort((x, y) => y - x);
  const systemCores = per(b.systemBusy - a.systemBusy);
  const ours = cores.workerd + cores.wrangler + cores.bench + cores.postgres + cores.pooler + cores.livekit;
  return {
    seconds,
    ms,
    cores,
    systemCores,
    workerdBusiestThread: per(busiest),
    workerdProcesses,
    otherCores: Math.max(0, systemCores - ours),
  };
}

/** Adds CPU spans (stages measured in pieces). */
export function addCpu(total: Record<CpuGroup, number> | null, use: CpuUse): Record<CpuGroup, number> {
  const out = { ...use.ms };
  if (total) for (const key of Object.keys(out) as CpuGroup[]) out[key] += total[key];
  return out;
}
