import { sql } from "drizzle-orm";
import { ensureCreatorEarnings } from "../../worker/wallet/index.ts";
import type { ScriptDb } from "./database.ts";

/** Fixed ids, so every statement can name any row: the hex prefix tells the kinds apart. */
const idSql = (prefix: string, n: string) => `('${prefix}-0000-4000-8000-' || lpad((${n})::text, 12, '0'))::uuid`;
const hexIdSql = (prefix: string, n: string) => `('${prefix}-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
export const CREATOR_PREFIX = "c0000000";
export const BUSY_CREATOR_ID = `${CREATOR_PREFIX}-0000-4000-8000-000000000001`;

export interface SeedOptions {
  creators: number;
  streams: number;
  live: number;
  follows: number;
  meterEvents: number;
  /** Analytics range: the busy creator's watching spreads over [from, now). */
  from: Date;
}

export interface SeedReport {
  viewers: number;
  busyStreams: number;
  sessions: number;
  settlements: number;
  seconds: Record<string, number>;
}

/** Words for titles and names, so trigram search has real words to match (and to miss by a typo). */
const ADJECTIVES = ["Chill", "Late Night", "Epic", "Cozy", "Ranked", "Acoustic", "Weekly", "Retro", "Indie", "Deep"];
const TOPICS = [
  "Guitar Jam",
  "Minecraft Speedrun",
  "Chess Openings",
  "Piano Session",
  "Coding Rust",
  "Oil Painting",
  "Tech Podcast",
  "Cooking Pasta",
  "Elden Ring",
  "Synthwave Set",
  "Calculus Lessons",
  "Woodworking",
  "Poetry Reading",
  "Pixel Art",
  "Jazz Standards",
  "Street Photography",
  "Board Games",
  "Yoga Flow",
];
const TAILS = ["with friends", "marathon", "Q&A", "and chat", "practice", "for beginners", "all night", "finale"];
const FIRST = [
  "Alex",
  "Sam",
  "Jordan",
  "Taylor",
  "Morgan",
  "Riley",
  "Casey",
  "Jamie",
  "Avery",
  "Quinn",
  "Robin",
  "Kai",
];
const LAST = ["Rivers", "Stone", "Fox", "Hart", "Lane", "Brooks", "Wells", "Vega", "Moss", "Reyes", "Park", "Nguyen"];

const textArray = (words: readonly string[]) => `array[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(",")}]`;

/**
 * Bulk seed as the database owner, one INSERT … SELECT generate_series per table: creators with
 * profiles, viewers, streams over the seed's categories (`live` of them LIVE), follows, and for
 * creator 1 (the busy one) `meterEvents` billed 10-second intervals in 60-interval sessions
 * spread evenly over [from, now), plus one settlement entry per session in the creator's
 * earnings account (the creator's leg only: the ledger is not balanced, and no check runs on it).
 */
export async function seedDiscover(db: ScriptDb, o: SeedOptions): Promise<SeedReport> {
  const seconds: Record<string, number> = {};
  const timed = async (name: string, run: () => Promise<unknown>) => {
    const t0 = performance.now();
    await run();
    seconds[name] = (performance.now() - t0) / 1000;
  };
  const exec = (text: string) => db.execute(sql.raw(text));
  // Each viewer follows 5 distinct creators; the meter viewers are the first of them.
  const viewers = Math.max(Math.ceil(o.follows / 5), 5000);
  const sessions = Math.ceil(o.meterEvents / 60);
  const creator = (n: string) => idSql(CREATOR_PREFIX, n);
  const viewer = (n: string) => idSql("00000000", n);

  await timed("users", async () => {
    await exec(`insert into "user" (id, email, password_hash, role, email_verified)
      select ${creator("g")}, 'creator' || g || '@bench.local', 'x', 'CREATOR', now() from generate_series(1, ${o.creators}) g`);
    await exec(`insert into profile (user_id, display_name, is_creator)
      select ${creator("g")}, (${textArray(FIRST)})[1 + g % ${FIRST.length}] || ' ' || (${textArray(LAST)})[1 + (g / ${FIRST.length}) % ${LAST.length}] || ' ' || g, true
      from generate_series(1, ${o.creators}) g`);
    await exec(`insert into "user" (id, email, password_hash, email_verified)
      select ${viewer("g")}, 'viewer' || g || '@bench.local', 'x', now() from generate_series(1, ${viewers}) g`);
  });
  await ensureCreatorEarnings(db, BUSY_CREATOR_ID);

  // Stream g belongs to creator 1 + (g - 1) % creators; streams 1..live are LIVE (stream 1 the busy creator's).
  await timed("streams", () =>
    exec(`insert into stream (id, creator_id, title, category_id, status, viewer_count, started_at, ended_at, created_at)
      select ${idSql("5e000000", "g")}, ${creator(`1 + (g - 1) % ${o.creators}`)},
        (${textArray(ADJECTIVES)})[1 + g % ${ADJECTIVES.length}] || ' ' || (${textArray(TOPICS)})[1 + (g / 7) % ${TOPICS.length}]
          || ' ' || (${textArray(TAILS)})[1 + (g / 13) % ${TAILS.length}] || ' #' || g,
        case when g % 10 = 0 then null else (select array_agg(id order by sort_order) from category)[1 + g % (select count(*) from category)::int] end,
        (case when g <= ${o.live} then 'LIVE' when g % 4 = 0 then 'SCHEDULED' else 'ENDED' end)::stream_status,
        case when g <= ${o.live} then (g * 7919) % 5000 else 0 end,
        case when g <= ${o.live} then now() - (g % 240) * interval '1 minute'
          when g % 4 = 0 then null else now() - (g % 2000) * interval '1 hour' end,
        case when g > ${o.live} and g % 4 <> 0 then now() - (g % 2000) * interval '1 hour' + interval '2 hours' end,
        now() - (g % 3000) * interval '1 hour'
      from generate_series(1, ${o.streams}) g`),
  );

  await timed("follows", () =>
    exec(`insert into follow (user_id, creator_id, created_at)
      select ${viewer("1 + g / 5")}, ${creator(`1 + ((g / 5) * 7 + (g % 5) * 397) % ${o.creators}`)}, now() - (g % 1000) * interval '1 hour'
      from generate_series(0, ${o.follows - 1}) g`),
  );

  const busy = await db.execute<{ id: string }>(
    sql`select id from stream where creator_id = ${BUSY_CREATOR_ID}::uuid and started_at is not null order by id`,
  );
  const busyStreams = `array[${busy.rows.map((r) => `'${r.id}'::uuid`).join(",")}]`;
  const n = busy.rows.length;
  // Sessions start evenly over [from, now - 10 min); each bills 60 intervals of 10 s.
  const stepMs = Math.max(1, Math.floor((Date.now() - o.from.getTime() - 600_000) / Math.max(1, sessions)));
  const from = `'${o.from.toISOString()}'::timestamptz`;
  const at = (s: string) => `${from} + (${s})::bigint * interval '${stepMs} milliseconds'`;
  await timed("meter events", () =>
    exec(`insert into meter_event (user_id, stream_id, session_id, interval_index, playback_ms, credits_debited, created_at)
      select ${viewer(`1 + (s * 31) % ${viewers}`)}, (${busyStreams})[1 + s % ${n}], ${hexIdSql("1a000000", "s")}, i, 10000, 1000,
        ${at("s")} + i * interval '10 seconds'
      from generate_series(0, ${sessions - 1}) s cross join generate_series(0, 59) i
      where s * 60 + i < ${o.meterEvents}
      order by s, i`),
  );
  await timed("settlements", async () => {
    await exec(`insert into ledger_transfer (id, idempotency_key, amount, description, created_at)
      select ${hexIdSql("1c000000", "s")}, 'bench-settle-' || s, 48000, 'Session settlement', ${at("s")} + interval '10 minutes'
      from generate_series(0, ${sessions - 1}) s`);
    await exec(`insert into ledger_entry (transfer_id, wallet_id, user_id, type, amount, balance_after, reference_type, reference_id, metadata, created_at)
      select ${hexIdSql("1c000000", "s")}, w.id, w.user_id, 'DEBIT', 48000, 48000 * (s + 1), 'METER_EVENT', ${hexIdSql("1a000000", "s")}::text,
        jsonb_build_object('sessionId', ${hexIdSql("1a000000", "s")}, 'streamId', (${busyStreams})[1 + s % ${n}], 'feeBps', 2000),
        ${at("s")} + interval '10 minutes'
      from generate_series(0, ${sessions - 1}) s, wallet w
      where w.kind = 'CREATOR_EARNINGS' and w.user_id = '${BUSY_CREATOR_ID}'::uuid`);
  });
  await timed("vacuum analyze", async () => {
    for (const table of [
      '"user"',
      "profile",
      "category",
      "stream",
      "follow",
      "meter_event",
      "ledger_entry",
      "wallet",
    ]) {
      await exec(`vacuum analyze ${table}`);
    }
  });
  return { viewers, busyStreams: n, sessions, settlements: sessions, seconds };
}
