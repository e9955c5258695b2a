// Chat fan-out end to end: N WebSockets on one stream's StreamChat object under `wrangler dev`,
// messages sent at a fixed total rate by funded senders among them, and at every socket the time
// from send to receipt and the messages it never got. The same client harness and load, in the
// same run, against a plain Node `ws` server that broadcasts each frame to every socket: the
// baseline. The harness and the baseline server are processes of their own, so each one's CPU is
// counted apart on a small box. Runs from a snapshot of the working tree; creates and drops its
// own database.
//   npm run bench:chat -- [--sockets 2000] [--rate 50] [--seconds 20] [--senders 200]
//                         [--readers 20] [--drain-seconds 5] [--batch 100]
//                         [--baseline-only | --tollgate-only]
//   DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres)
import { fork, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { CHAT_RATE_LIMIT, CHAT_RATE_WINDOW_MS, chatTokenResponseSchema } from "../contracts/chat.ts";
import { streams } from "../worker/streams/streams.schema.ts";
import { profiles, users } from "../worker/users/users.schema.ts";
import { creditWallet, ensureCreatorEarnings, ensureUserWallet } from "../worker/wallet/index.ts";
import { createBenchClient } from "./lib/bench-http.ts";
import {
  nextMessage,
  type ChatSocketSpec,
  type ClientsConfig,
  type ClientsResult,
  type FromBaseline,
  type FromClients,
  type LatencySummary,
  type ToBaseline,
  type ToClients,
} from "./lib/bench-chat-ipc.ts";
import { cpuBetween, cpuSnapshot, type CpuUse } from "./lib/bench-proc.ts";
import { assertLoopback, mintCookies, withHostPort, intOption } from "./lib/bench-setup.ts";
import { inSnapshot, runFromSnapshot } from "./lib/bench-snapshot.ts";
import { openDb, type ScriptDb } from "./lib/database.ts";
import { freePort } from "./lib/free-port.ts";
import { ephemeralJwtKey } from "./lib/jwt-dev-key.ts";
import { ROOT } from "./lib/paths.ts";
import { startStack, type Stack } from "./lib/stack.ts";

const { values: args } = parseArgs({
  options: {
    sockets: { type: "string", default: "2000" },
    rate: { type: "string", default: "50" },
    seconds: { type: "string", default: "20" },
    senders: { type: "string", default: "200" },
    /** Users the reading sockets belong to (each opens many, as tabs and devices would). */
    readers: { type: "string", default: "20" },
    "drain-seconds": { type: "string", default: "5" },
    batch: { type: "string", default: "100" },
    "baseline-only": { type: "boolean", default: false },
    "tollgate-only": { type: "boolean", default: false },
  },
});

const intArg = (name: keyof typeof args, min: number, max: number) => intOption(args, name, min, max);

const BASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SOCKETS = intArg("sockets", 1, 20_000);
const RATE = intArg("rate", 1, 1000);
const SECONDS = intArg("seconds", 1, 600);
const SENDERS = intArg("senders", 1, 10_000);
const READERS = intArg("readers", 1, 1000);
const DRAIN_MS = intArg("drain-seconds", 1, 120) * 1000;
const BATCH = intArg("batch", 1, 5000);
const RUN_BASELINE = !args["tollgate-only"];
const RUN_TOLLGATE = !args["baseline-only"];
if (SENDERS > SOCKETS) throw new Error(`--senders (${SENDERS}) cannot exceed --sockets (${SOCKETS})`);
/** Each sender's gap between messages, and how many it sends in one rate-limit window. */
const SENDER_GAP_MS = (SENDERS / RATE) * 1000;
const PER_WINDOW = Math.ceil(CHAT_RATE_WINDOW_MS / SENDER_GAP_MS);
const GOAL = { sockets: 2000, rate: 50, p99Ms: 200 };
/** Far more than any run spends (millicredits; sending needs a balance of at least 1 credit). */
const FUNDING = 10n ** 9n;

const pad = (n: number) => String(n).padStart(12, "0");
const idOf = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${pad(n)}`;
const ids = {
  creator: idOf("c1000000", 1),
  stream: idOf("5e100000", 1),
  sender: (n: number) => idOf("5d000000", n),
  reader: (n: number) => idOf("7e000000", n),
};

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
const countsLine = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k}: ${v}`)
    .join(", ") || "none";
const latencyText = (l: LatencySummary) =>
  `p50 ${fmt(l.p50, 1)} ms  p90 ${fmt(l.p90, 1)} ms  p99 ${fmt(l.p99, 1)} ms  p99.9 ${fmt(l.p999, 1)} ms  max ${fmt(l.max, 1)} ms  (n ${l.count})`;

function openFileLimit(): string {
  const line = readFileSync("/proc/self/limits", "utf8")
    .split("\n")
    .find((l) => l.startsWith("Max open files"));
  return line?.split(/\s{2,}/)[1] ?? "unknown";
}

// ---------------------------------------------------------------------------------------------
// Setup: a creator with a LIVE stream, funded senders, readers, straight into the database.

async function setUp(db: ScriptDb): Promise<void> {
  const verified = new Date();
  await db.insert(users).values({
    id: ids.creator,
    email: "chat-creator@bench.local",
    passwordHash: "x",
    role: "CREATOR",
    emailVerified: verified,
  });
  await db.insert(profiles).values({ userId: ids.creator, displayName: "Chat creator", isCreator: true });
  await ensureCreatorEarnings(db, ids.creator);
  await db.insert(streams).values({
    id: ids.stream,
    creatorId: ids.creator,
    title: "Chat bench",
    status: "LIVE",
    startedAt: new Date(),
  });
  const groups = [
    { count: SENDERS, id: ids.sender, name: "sender" },
    { count: READERS, id: ids.reader, name: "reader" },
  ];
  for (const g of groups) {
    for (let start = 1; start <= g.count; start += 500) {
      const batch = Array.from({ length: Math.min(500, g.count - start + 1) }, (_, i) => start + i);
      await db.insert(users).values(
        batch.map((n) => ({
          id: g.id(n),
          email: `chat-${g.name}${n}@bench.local`,
          passwordHash: "x",
          emailVerified: verified,
        })),
      );
      await db.insert(profiles).values(batch.map((n) => ({ userId: g.id(n), displayName: `${g.name} ${n}` })));
    }
  }
  // Senders funded through the real deposit path; readers have no credit and do not send.
  let next = 1;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let n = next++; n <= SENDERS; n = next++) {
        const userId = ids.sender(n);
        await ensureUserWallet(db, userId);
        await creditWallet(db, { userId, provider: "STRIPE", amount: FUNDING, paymentId: `bench-chat-${userId}` });
      }
    }),
  );
}

/** A chat token per user through the API, as the watch page gets one. */
async function chatTokens(stack: Stack, cookies: Map<string, string>): Promise<Map<string, string>> {
  const client = createBenchClient(stack.url, 8);
  const paths = new Map<string, string>();
  const failures: Record<string, number> = {};
  try {
    const userIds = [...cookies.keys()];
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = next++; i < userIds.length; i = next++) {
          const userId = userIds[i];
          if (!userId) continue;
          const res = await client.send({
            method: "POST",
            path: `/api/streams/${ids.stream}/chat/token`,
            headers: { cookie: cookies.get(userId) ?? "", origin: stack.url },
          });
          if (res.status !== 200 && res.status !== 201) {
            const key = `${res.status} ${res.body.slice(0, 120)}`;
            failures[key] = (failures[key] ?? 0) + 1;
            continue;
          }
          paths.set(userId, chatTokenResponseSchema.parse(JSON.parse(res.body)).socketPath);
        }
      }),
    );
  } finally {
    client.close();
  }
  if (Object.keys(failures).length) {
    throw new Error(`POST /api/streams/:id/chat/token failed: ${countsLine(failures)}`);
  }
  return paths;
}

// ---------------------------------------------------------------------------------------------
// One run of the harness against one server.

interface RunResult {
  result: ClientsResult;
  cpu: CpuUse;
  serverCpuCores: number | null;
  clientsCpuCores: number;
}

function forkChild(file: string): ChildProcess {
  return fork(new URL(`./lib/${file}`, import.meta.url).pathname, [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

async function runHarness(
  mode: ClientsConfig["mode"],
  sockets: ChatSocketSpec[],
  database: string | undefined,
  baseline: ChildProcess | null,
): Promise<RunResult> {
  const child = forkChild("bench-chat-clients.ts");
  try {
    const send = (message: ToClients) => child.send(message);
    const opened = nextMessage<FromClients, "opened">(child, "opened");
    send({
      type: "start",
      config: { mode, sockets, rate: RATE, seconds: SECONDS, drainMs: DRAIN_MS, batch: BATCH },
    });
    const { open } = await opened;
    console.log(
      `  opened ${open.opened}/${sockets.length} sockets in ${fmt(open.seconds, 1)} s, ${BATCH} at a time (connect → ${mode === "tollgate" ? "welcome" : "open"} ${latencyText(open.latency)})` +
        (Object.keys(open.failed).length ? `; failed: ${countsLine(open.failed)}` : "") +
        (mode === "tollgate" ? `; senders' welcome gate: ${countsLine(open.senderGates)}` : ""),
    );
    const serverCpu = async () => {
      if (!baseline) return 0;
      const answer = nextMessage<FromBaseline, "cpu">(baseline, "cpu");
      baseline.send({ type: "cpu" } satisfies ToBaseline);
      return (await answer).ms;
    };
    const sent = nextMessage<FromClients, "sent">(child, "sent");
    const result = nextMessage<FromClients, "result">(child, "result");
    const server0 = await serverCpu();
    const cpu0 = cpuSnapshot(database);
    send({ type: "go" });
    await sent;
    const cpu = cpuBetween(cpu0, cpuSnapshot(database));
    const server1 = await serverCpu();
    const { result: r } = await result;
    const closed = nextMessage<FromClients, "closed">(child, "closed");
    send({ type: "close" });
    await closed;
    return {
      result: r,
      cpu,
      serverCpuCores: baseline ? (server1 - server0) / 1000 / cpu.seconds : null,
      clientsCpuCores: r.cpuMs / 1000 / cpu.seconds,
    };
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

function report(name: string, run: RunResult, mode: ClientsConfig["mode"]): void {
  const r = run.result;
  const c = run.cpu;
  console.log(
    `  sent ${r.sent} in ${fmt(r.sendSeconds, 1)} s (${fmt(r.sent / r.sendSeconds, 1)} msg/s; sends went out ${latencyText(r.sendLag)} behind schedule)`,
  );
  if (mode === "tollgate") {
    console.log(
      `  accepted (acked) ${r.accepted} by the end of the drain, rejected ${countsLine(r.rejected)}, unanswered ${r.unanswered}; ` +
        `in the ${fmt(r.lateSeconds, 1)} s after: ${r.acceptedLate} more acked, ${r.unansweredAtEnd} ${r.lateCapped ? "still unanswered (acks still arriving)" : "never answered (no ack or rejection for 10 s)"}; ack ${latencyText(r.ackLatency)}`,
    );
  }
  console.log(`  delivery latency, send → receipt at every socket: ${latencyText(r.latency)}`);
  console.log(`  send → receipt at the last socket, per fully delivered message: ${latencyText(r.fanoutLatency)}`);
  console.log(
    `  delivered ${r.deliveries}/${r.expectedDeliveries} (${fmt(r.deliveriesPerSecond)} deliveries/s, first send to last receipt); ` +
      `lost ${r.lost} (not received ${fmt(r.drainSeconds, 1)} s after the last send; ${r.never} still missing ${fmt(r.lateSeconds, 1)} s later, ${r.lateCapped ? "when the harness stopped listening with receipts still arriving" : "when receipts had stopped"}: ${r.messagesWithLoss} accepted messages missing at ≥ 1 socket); ` +
      `duplicates ${r.duplicates}${mode === "tollgate" ? `; received but never acked ${r.unackedReceived}` : ""}`,
  );
  console.log(
    `  sockets closed by the server: ${countsLine(r.closedEarly)}; other frames: ${countsLine(r.otherFrames)}` +
      r.otherSamples.map((f) => `\n    e.g. ${f}`).join(""),
  );
  const server =
    run.serverCpuCores !== null
      ? `${name} server process ${fmt(run.serverCpuCores, 2)}`
      : `workerd ${fmt(c.cores.workerd, 2)} (per process ${c.workerdProcesses.map((x) => fmt(x, 2)).join(" + ")}; busiest thread ${fmt(c.workerdBusiestThread, 2)}), wrangler ${fmt(c.cores.wrangler, 2)}, postgres ${fmt(c.cores.postgresDb, 2)} (whole server ${fmt(c.cores.postgres, 2)}), pgbouncer ${fmt(c.cores.pooler, 2)}, livekit ${fmt(c.cores.livekit, 2)}`;
  const known = run.serverCpuCores ?? 0;
  console.log(
    `  cpu while sending (cores; 1.00 = one core busy): all ${fmt(c.systemCores, 2)} of ${availableParallelism()}; ${server}; ` +
      `client harness ${fmt(run.clientsCpuCores, 2)} (event-loop delay p99 ${fmt(r.eventLoopDelayP99Ms, 1)} ms), ` +
      `this process ${fmt(c.cores.bench, 2)}, everything else ${fmt(Math.max(0, c.otherCores - run.clientsCpuCores - known), 2)}`,
  );
}

// ---------------------------------------------------------------------------------------------

async function runBaseline(): Promise<RunResult> {
  const server = forkChild("bench-chat-baseline.ts");
  try {
    const { port } = await nextMessage<FromBaseline, "listening">(server, "listening", 10_000);
    console.log(
      `baseline: Node ws ${process.versions.node} broadcast server (one process, no parsing) on 127.0.0.1:${port}`,
    );
    const url = `ws://127.0.0.1:${port}/`;
    const sockets = Array.from({ length: SOCKETS }, (_, i) => ({ url, headers: {}, sender: i < SENDERS }));
    const run = await runHarness("baseline", sockets, undefined, server);
    report("baseline", run, "baseline");
    return run;
  } finally {
    server.send({ type: "stop" } satisfies ToBaseline);
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (server.exitCode === null) server.kill();
  }
}

async function main(): Promise<void> {
  const hardStop = setTimeout(
    () => {
      console.error("bench-chat: overall time limit reached");
      process.exit(2);
    },
    (3 * SECONDS + 900) * 1000,
  );
  hardStop.unref();
  console.log(
    `bench-chat: ${SOCKETS} sockets on one stream, ${RATE} msg/s from ${SENDERS} senders among them (each every ${fmt(SENDER_GAP_MS / 1000, 1)} s, ` +
      `≤ ${PER_WINDOW} per ${CHAT_RATE_WINDOW_MS / 1000} s against a limit of ${CHAT_RATE_LIMIT}), ${SECONDS} s of sending + up to ${DRAIN_MS / 1000} s drain`,
  );
  console.log(
    `host: ${availableParallelism()} CPUs shared by servers, Postgres and the client harness; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}; open files limit ${openFileLimit()}`,
  );
  if (PER_WINDOW > CHAT_RATE_LIMIT) {
    console.log(
      `WARNING: ${SENDERS} senders at ${RATE} msg/s send ${PER_WINDOW} each per window, over the limit: expect RATE_LIMITED (use --senders ≥ ${Math.ceil((RATE * CHAT_RATE_WINDOW_MS) / 1000 / CHAT_RATE_LIMIT) + 10})`,
    );
  }

  const baseline = RUN_BASELINE && !RUN_TOLLGATE ? await runBaseline() : null;
  if (!RUN_TOLLGATE) return;

  assertLoopback(BASE_URL, "bench-chat");
  const pem = ephemeralJwtKey();
  const stackLog: string[] = [];
  const stackLogPath = join(tmpdir(), `bench-chat-${process.pid}.log`);
  const stackLogFile = createWriteStream(stackLogPath);
  let reloads = 0;
  process.env.DATABASE_URL = BASE_URL;
  let stack: Stack | null = null;
  const onSignal = () => {
    void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    const started = performance.now();
    stack = await startStack({
      mode: "test",
      port: await freePort(),
      skipClientBuild: existsSync(`${ROOT}dist/client/favicon.svg`),
      vars: { JWT_PRIVATE_KEY: pem },
      log: (line) => {
        if (line.includes("Reloading local server")) reloads += 1;
        stackLogFile.write(`${line}\n`);
        if (stackLog.push(line) > 200) stackLog.shift();
      },
    });
    const activeStack: Stack = stack;
    const directUrl = withHostPort(activeStack.ownerUrl, BASE_URL);
    const database = new URL(directUrl).pathname.slice(1);
    console.log(
      `stack: ${activeStack.url}, database ${database}${activeStack.pooler ? " (Worker through pgbouncer)" : ""}, up in ${fmt((performance.now() - started) / 1000, 1)} s`,
    );
    // The baseline runs beside the idle stack, so both see the same background on the box.
    const base = RUN_BASELINE ? await runBaseline() : baseline;

    const { db, pool } = openDb(directUrl, 8);
    let sockets: ChatSocketSpec[];
    try {
      const t0 = performance.now();
      await setUp(db);
      const senderIds = Array.from({ length: SENDERS }, (_, i) => ids.sender(i + 1));
      const readerIds = Array.from({ length: READERS }, (_, i) => ids.reader(i + 1));
      const cookies = await mintCookies(db, pem, [...senderIds, ...readerIds]);
      const paths = await chatTokens(activeStack, cookies);
      const wsBase = activeStack.url.replace(/^http/, "ws");
      const spec = (userId: string, sender: boolean): ChatSocketSpec => ({
        url: `${wsBase}${paths.get(userId) ?? ""}`,
        headers: { origin: activeStack.url, cookie: cookies.get(userId) ?? "" },
        sender,
      });
      sockets = [
        ...senderIds.map((id) => spec(id, true)),
        ...Array.from({ length: SOCKETS - SENDERS }, (_, i) => spec(readerIds[i % READERS] ?? "", false)),
      ];
      console.log(
        `setup: LIVE stream, ${SENDERS} funded senders (one socket each), ${READERS} readers (${fmt((SOCKETS - SENDERS) / READERS, 0)} sockets each), ` +
          `chat tokens from the API, in ${fmt((performance.now() - t0) / 1000, 1)} s`,
      );
    } finally {
      await pool.end();
    }

    console.log("tollgate: StreamChat object under wrangler dev (one object for the stream)");
    const tollgate = await runHarness("tollgate", sockets, database, null);
    report("tollgate", tollgate, "tollgate");

    console.log("");
    const t = tollgate.result;
    if (base) {
      const b = base.result;
      console.log(
        `ratio tollgate / baseline: p99 ${fmt(t.latency.p99 / b.latency.p99, 1)}× (${fmt(t.latency.p99, 1)} vs ${fmt(b.latency.p99, 1)} ms), ` +
          `p50 ${fmt(t.latency.p50 / b.latency.p50, 1)}×, deliveries/s ${fmt(t.deliveriesPerSecond / b.deliveriesPerSecond, 3)} ` +
          `(${fmt(t.deliveriesPerSecond)} vs ${fmt(b.deliveriesPerSecond)}), lost ${t.lost} vs ${b.lost}` +
          (t.accepted + t.acceptedLate < t.sent
            ? `; tollgate's latencies cover only the ${t.accepted + t.acceptedLate} of ${t.sent} messages it acked`
            : ""),
      );
    }
    const atGoalLoad = SOCKETS >= GOAL.sockets && RATE >= GOAL.rate;
    // Unanswered sends count against the goal too: a message the object never took is lost to all.
    const met = t.lost === 0 && t.unanswered === 0 && t.latency.p99 < GOAL.p99Ms && t.accepted > 0;
    const verdict = atGoalLoad
      ? met
        ? "met"
        : "not met"
      : `not measured: this run's load (${SOCKETS} sockets, ${RATE} msg/s) is below the goal's; at this load it would be ${met ? "met" : "not met"}`;
    console.log(
      `goal: 0 lost and p99 < ${GOAL.p99Ms} ms at ${GOAL.sockets} sockets and ${GOAL.rate} msg/s: ${verdict} ` +
        `(lost ${t.lost}, unanswered ${t.unanswered}, p99 ${fmt(t.latency.p99, 1)} ms, ${t.accepted}/${t.sent} accepted)`,
    );
    if (reloads > 0) {
      console.log(
        `WARNING: wrangler reloaded the Worker ${reloads} time(s) during the run: the figures above are not valid`,
      );
    }
  } catch (error) {
    if (stackLog.length) console.error(`stack log (last lines):\n${stackLog.slice(-30).join("\n")}`);
    throw error;
  } finally {
    await stack?.stop();
    stackLogFile.end();
    console.log(`stack log (wrangler, workerd): ${stackLogPath}`);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

if (inSnapshot()) await main();
else process.exitCode = await runFromSnapshot("scripts/bench-chat.ts", process.argv.slice(2));
