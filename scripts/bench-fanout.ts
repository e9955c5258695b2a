// Go-live fan-out end to end: a creator with N followers publishes a track to a real
// livekit-server; LiveKit's webhook makes the stream LIVE in the Worker (`wrangler dev`), which
// puts one message on the notify queue; the queue consumer books every follower's notification
// in batches. Measured: the go-live webhook request's latency, the time from the stream turning
// LIVE until every follower's row exists, the consumer's rows/s, duplicates — against the
// ceiling measured in the same run: one INSERT … SELECT of the same rows straight in Postgres.
// Runs from a snapshot of the working tree; creates and drops its own database.
//   npm run bench:fanout -- [--followers 100000] [--timeout-seconds 600]
//   DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres)
import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { dispose } from "@livekit/rtc-node";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { assertLoopback, intOption, mintCookies, withHostPort } from "./lib/bench-setup.ts";
import { inSnapshot, runFromSnapshot } from "./lib/bench-snapshot.ts";
import { openDb, type ScriptDb } from "./lib/database.ts";
import { freePort } from "./lib/free-port.ts";
import { ephemeralJwtKey } from "./lib/jwt-dev-key.ts";
import { ROOT } from "./lib/paths.ts";
import { startStack, type Stack } from "./lib/stack.ts";
import { publishTestVideo, type TestPublisher } from "./lib/test-publisher.ts";

const { values: args } = parseArgs({
  options: {
    followers: { type: "string", default: "100000" },
    "timeout-seconds": { type: "string", default: "600" },
  },
});
const FOLLOWERS = intOption(args, "followers", 1, 10_000_000);
const TIMEOUT_MS = intOption(args, "timeout-seconds", 10, 7200) * 1000;
const BASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const GOAL_RATIO = 0.5;
const GOAL_REQUEST_MS = 100;

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const countSchema = z.object({ n: z.coerce.number() });

async function one<T>(db: ScriptDb, query: ReturnType<typeof sql>, schema: z.ZodType<T>): Promise<T> {
  const res = await db.execute(query);
  return schema.parse(res.rows[0]);
}

/** The creator and N followers, in bulk (generate_series): minutes of API calls otherwise. */
async function seed(db: ScriptDb): Promise<string> {
  const { id } = await one(
    db,
    sql`insert into "user" (email, password_hash, role, email_verified)
        values ('fanout-creator@bench.test', 'x', 'CREATOR', now()) returning id`,
    z.object({ id: z.string() }),
  );
  await db.execute(
    sql`insert into profile (user_id, display_name, is_creator) values (${id}, 'Fan-out Creator', true)`,
  );
  await db.execute(sql`
    with fans as (
      insert into "user" (email, password_hash)
      select 'fan-' || g || '@bench.test', 'x' from generate_series(1, ${FOLLOWERS}) g
      returning id
    )
    insert into follow (user_id, creator_id) select id, ${id} from fans`);
  await db.execute(sql`analyze follow`);
  await db.execute(sql`analyze "user"`);
  return id;
}

/** The ceiling: the same rows in one INSERT … SELECT, rolled back. Best of two. */
async function ceiling(db: ScriptDb, creatorId: string): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    await db.execute(sql`begin`);
    const t0 = performance.now();
    await db.execute(sql`
      insert into notification (user_id, type, title, body, link, metadata, dedupe_key, in_app, email_pending)
      select f.user_id, 'STREAM_LIVE', 'Fan-out Creator is live', 'ceiling', '/watch/x', '{}'::jsonb, 'ceiling', true, false
      from follow f where f.creator_id = ${creatorId}`);
    best = Math.min(best, performance.now() - t0);
    await db.execute(sql`rollback`);
  }
  return best;
}

interface RequestLine {
  path: string;
  ms: number;
  time: string;
}
const requestLineSchema = z.object({ msg: z.literal("request"), path: z.string(), ms: z.number(), time: z.string() });

async function main(): Promise<void> {
  assertLoopback(BASE_URL, "bench-fanout");
  const hardStop = setTimeout(() => {
    console.error("bench-fanout: overall time limit reached");
    process.exit(2);
  }, TIMEOUT_MS + 600_000);
  hardStop.unref();
  console.log(
    `bench-fanout: one creator with ${FOLLOWERS} followers goes live through livekit-server → webhook → queue`,
  );
  console.log(
    `host: ${availableParallelism()} CPUs shared with Postgres and others, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  process.env.DATABASE_URL = BASE_URL;
  const pem = ephemeralJwtKey();
  const requests: RequestLine[] = [];
  const stackLog: string[] = [];
  let stack: Stack | null = null;
  let publisher: TestPublisher | undefined;
  try {
    stack = await startStack({
      mode: "test",
      port: await freePort(),
      skipClientBuild: existsSync(`${ROOT}dist/client/favicon.svg`),
      vars: { JWT_PRIVATE_KEY: pem },
      log: (line) => {
        if (stackLog.push(line) > 200) stackLog.shift();
        const start = line.indexOf("{");
        if (start < 0) return;
        try {
          const parsed = requestLineSchema.safeParse(JSON.parse(line.slice(start)));
          if (parsed.success) requests.push(parsed.data);
        } catch {
          return; // not a JSON log line
        }
      },
    });
    if (!stack.livekit) throw new Error("bench-fanout needs livekit-server (the stack started none)");
    const { db, pool } = openDb(withHostPort(stack.ownerUrl, BASE_URL), 2);
    try {
      const t0 = performance.now();
      const creatorId = await seed(db);
      console.log(`seeded ${FOLLOWERS} followers in ${fmt((performance.now() - t0) / 1000, 1)} s`);
      const ceilingMs = await ceiling(db, creatorId);
      const ceilingRate = FOLLOWERS / (ceilingMs / 1000);
      console.log(
        `ceiling: one INSERT … SELECT of ${FOLLOWERS} rows in ${fmt(ceilingMs)} ms = ${fmt(ceilingRate)} rows/s`,
      );

      const cookie = (await mintCookies(db, pem, [creatorId])).get(creatorId) ?? "";
      const api = async <T>(path: string, init: { method: string; body?: unknown }): Promise<T> => {
        const res = await fetch(`${stack?.url}${path}`, {
          method: init.method,
          headers: { cookie, origin: stack?.url ?? "", "content-type": "application/json" },
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
        });
        if (!res.ok) throw new Error(`${init.method} ${path}: ${res.status} ${await res.text()}`);
        return (await res.json()) as T;
      };
      const created = await api<{ stream: { id: string } }>("/api/streams", {
        method: "POST",
        body: { title: "Fan-out bench", category: "gaming" },
      });
      const streamId = created.stream.id;
      const token = await api<{ token: string; livekitUrl: string }>(`/api/streams/${streamId}/token`, {
        method: "POST",
      });
      publisher = await publishTestVideo(token.livekitUrl, token.token);
      const published = performance.now();

      // LIVE: the stream row, as LiveKit's webhook (or the per-minute reconcile) set it.
      let liveAt = 0;
      let doneAt = 0;
      let firstRowAt = 0;
      let booked = 0;
      const deadline = performance.now() + TIMEOUT_MS;
      while (performance.now() < deadline) {
        if (!liveAt) {
          const { status } = await one(
            db,
            sql`select status from stream where id = ${streamId}`,
            z.object({ status: z.string() }),
          );
          if (status === "LIVE") liveAt = performance.now();
        }
        booked = (
          await one(
            db,
            sql`select count(*) as n from notification where dedupe_key = ${`live:${streamId}`}`,
            countSchema,
          )
        ).n;
        if (booked > 0 && !firstRowAt) firstRowAt = performance.now();
        if (booked >= FOLLOWERS) {
          doneAt = performance.now();
          break;
        }
        await sleep(liveAt ? 50 : 100);
      }
      const dupes = (
        await one(
          db,
          sql`select count(*) - count(distinct user_id) as n from notification where dedupe_key = ${`live:${streamId}`}`,
          countSchema,
        )
      ).n;
      const webhooks = requests.filter((r) => r.path === "/api/webhooks/livekit").map((r) => r.ms);
      const goLive = requests.filter((r) => r.path === "/api/streams" || r.path.endsWith("/token"));
      const consumerMs = doneAt && firstRowAt ? doneAt - firstRowAt : NaN;
      const totalMs = doneAt && liveAt ? doneAt - liveAt : NaN;
      // The consumer's rate over the whole time the stream was live until the last row: queue
      // delivery and batching included, so it is the figure a follower feels.
      const endToEndRate = FOLLOWERS / (totalMs / 1000);
      const ratio = endToEndRate / ceilingRate;
      console.log("");
      console.log(`track published → stream LIVE (LiveKit webhook): ${fmt(liveAt - published)} ms`);
      console.log(
        `go-live webhook requests: ${webhooks.length}, latency ms ${webhooks.map((m) => fmt(m)).join(", ")} (max ${fmt(Math.max(...webhooks))}); create/token requests ms ${goLive.map((r) => fmt(r.ms)).join(", ")}`,
      );
      console.log(
        `LIVE → all ${FOLLOWERS} rows: ${fmt(totalMs)} ms (${booked} booked, first row after ${fmt(firstRowAt - liveAt)} ms); ` +
          `consumer ${fmt(FOLLOWERS / (consumerMs / 1000))} rows/s between first and last row`,
      );
      console.log(
        `end to end ${fmt(endToEndRate)} rows/s = ${fmt(ratio, 3)}× the ceiling (${fmt(ceilingRate)} rows/s)`,
      );
      console.log(`duplicates: ${dupes}`);
      const maxWebhook = Math.max(...webhooks);
      console.log(
        `goal ≥ ${GOAL_RATIO}× ceiling: ${ratio >= GOAL_RATIO ? "met" : "NOT met"}; go-live request < ${GOAL_REQUEST_MS} ms: ${
          maxWebhook < GOAL_REQUEST_MS ? "met" : "NOT met"
        } (max webhook ${fmt(maxWebhook)} ms); zero duplicates: ${dupes === 0 ? "met" : "NOT met"}`,
      );
      if (booked < FOLLOWERS) {
        console.error(`bench-fanout: only ${booked}/${FOLLOWERS} rows after ${TIMEOUT_MS / 1000} s`);
        console.error(stackLog.slice(-40).join("\n"));
        process.exitCode = 1;
      }
      if (dupes !== 0) process.exitCode = 1;
    } finally {
      await pool.end();
    }
  } finally {
    await publisher?.stop().catch(() => undefined);
    await dispose();
    await stack?.stop();
  }
}

if (inSnapshot()) await main();
else process.exitCode = await runFromSnapshot("scripts/bench-fanout.ts", process.argv.slice(2));
