import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../platform/db/client.ts";
import { executeRows, int8 } from "../platform/db/execute-rows.ts";
import { anyUuid, closedDaysEnd, fillAnalyticsRollup } from "./fill-analytics-rollup.ts";

export interface CreatorAnalyticsInput {
  creatorId: string;
  /** Every stream of the creator's that was broadcast: watching is counted on these … */
  streamIds: readonly string[];
  /** … or on this one only, whose settlements alone then count as revenue. */
  streamId?: string | undefined;
  /** [from, to): UTC day boundaries. */
  from: Date;
  to: Date;
  /** The clock that says which days are closed (default: now). */
  now?: Date;
  /** false: every figure from meter_event and the ledger, no rollup read or written (the reference). */
  rollup?: boolean;
}

export interface CreatorAnalytics {
  uniqueViewers: number;
  playbackMs: bigint;
  /** Millicredits: the creator's settled shares booked in the range. */
  revenue: bigint;
  peakConcurrent: number;
  /** Mean sessions per minute with at least one, rounded to two decimals. */
  averageConcurrent: number;
  /** UTC days with watching ("YYYY-MM-DD"). */
  byDay: Map<string, { uniqueViewers: number; playbackMs: bigint }>;
  revenueByDay: Map<string, bigint>;
  byStream: Map<string, { uniqueViewers: number; playbackMs: bigint; revenue: bigint }>;
}

const watchRowSchema = z.object({
  kind: z.enum(["day", "stream", "total"]),
  key: z.string().nullable(),
  viewers: z.coerce.number(),
  playback_ms: int8,
});
const concurrencyRowSchema = z.object({ peak: z.coerce.number(), average: z.coerce.number() });
const revenueRowSchema = z.object({
  g_day: z.coerce.number(),
  g_stream: z.coerce.number(),
  day: z.string().nullable(),
  stream_id: z.string().nullable(),
  amount: int8,
});

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** Where the range splits: closed days [from, split) come from the rollup, the rest [split, to) live. */
interface Split {
  /** The watched streams. */
  streamIds: readonly string[];
  creatorId: string;
  streamId: string | undefined;
  fromDay: string;
  splitDay: string;
  split: string;
  to: string;
}

/**
 * A creator's watching and revenue over a range. Closed days (closedDaysEnd) are read from the
 * rollup tables, written on first read by fillAnalyticsRollup; the open days (today, and
 * yesterday in the first hour) from meter_event (by meter_event_stream_created_idx) and the
 * ledger, as the rollup itself is: viewers, playback, and concurrency as distinct sessions billed
 * per minute. Unique viewers over the range are counted from per-day presence (meter_viewer_day),
 * not summed. Revenue is the ledger's: the creator's settlement entries (the fee is rounded down
 * per settlement, so meter amounts × (1 − fee) would not match it), dated when they were settled.
 * The figures equal those of the all-live path (rollup: false).
 */
export async function getCreatorAnalytics(db: DbOrTx, input: CreatorAnalyticsInput): Promise<CreatorAnalytics> {
  const closedEnd = input.rollup === false ? input.from : closedDaysEnd(input.now ?? new Date());
  const split = new Date(Math.min(Math.max(closedEnd.getTime(), input.from.getTime()), input.to.getTime()));
  const s: Split = {
    streamIds: input.streamId === undefined ? input.streamIds : [input.streamId],
    creatorId: input.creatorId,
    streamId: input.streamId,
    fromDay: dayOf(input.from),
    splitDay: dayOf(split),
    split: split.toISOString(),
    to: input.to.toISOString(),
  };
  if (s.fromDay < s.splitDay) {
    const streamIds =
      input.streamId === undefined ? input.streamIds : [...new Set([...input.streamIds, input.streamId])];
    await fillAnalyticsRollup(db, { creatorId: input.creatorId, streamIds, fromDay: s.fromDay, toDay: s.splitDay });
  }
  const watch = await watchRows(db, s);
  const concurrency = await concurrencyOf(db, s);
  const revenue = await revenueRows(db, s);

  const result: CreatorAnalytics = {
    uniqueViewers: 0,
    playbackMs: 0n,
    revenue: 0n,
    peakConcurrent: concurrency.peak,
    averageConcurrent: concurrency.average,
    byDay: new Map(),
    revenueByDay: new Map(),
    byStream: new Map(),
  };
  const stream = (id: string) => {
    let entry = result.byStream.get(id);
    if (!entry) result.byStream.set(id, (entry = { uniqueViewers: 0, playbackMs: 0n, revenue: 0n }));
    return entry;
  };
  for (const row of watch) {
    const figures = { uniqueViewers: row.viewers, playbackMs: row.playback_ms };
    if (row.kind === "total") Object.assign(result, figures);
    else if (row.key !== null && row.kind === "day") result.byDay.set(row.key, figures);
    else if (row.key !== null) Object.assign(stream(row.key), figures);
  }
  for (const row of revenue) {
    if (row.g_day === 0 && row.day !== null) result.revenueByDay.set(row.day, row.amount);
    else if (row.g_stream === 0) {
      if (row.stream_id !== null) stream(row.stream_id).revenue = row.amount;
    } else result.revenue = row.amount;
  }
  return result;
}

const closedDays = (s: Split, table: SQL) =>
  sql`${table}.day >= ${s.fromDay}::date and ${table}.day < ${s.splitDay}::date`;

/** meter_event rows of the open part of the range. */
const liveEvents = (s: Split) =>
  sql`${anyUuid(sql`m.stream_id`, s.streamIds)} and m.created_at >= ${s.split}::timestamptz and m.created_at < ${s.to}::timestamptz`;

/**
 * Unique viewers and playback per day (the closed days' from their rollup row), per stream and in
 * all (distinct viewers over the range, from per-day presence: daily uniques do not add up).
 */
async function watchRows(db: DbOrTx, s: Split) {
  const closedDaysRows =
    s.streamId === undefined
      ? sql`select c.day, c.viewers::bigint as viewers, c.playback_ms from meter_creator_day c
          where c.creator_id = ${s.creatorId}::uuid and ${closedDays(s, sql`c`)} and c.viewers > 0`
      : sql`select d.day, d.viewers::bigint as viewers, d.playback_ms from meter_stream_day d
          where d.stream_id = ${s.streamId}::uuid and ${closedDays(s, sql`d`)}`;
  const rows = await executeRows(
    db,
    sql`with live as materialized (
      select (m.created_at at time zone 'UTC')::date as day, m.stream_id, m.user_id, m.playback_ms
      from meter_event m where ${liveEvents(s)}
    ),
    pairs as (
      select v.stream_id, v.user_id from meter_viewer_day v
      where ${anyUuid(sql`v.stream_id`, s.streamIds)} and ${closedDays(s, sql`v`)}
      union
      select stream_id, user_id from live
    ),
    stream_playback as (
      select stream_id, sum(playback_ms)::bigint as playback_ms from (
        select d.stream_id, d.playback_ms from meter_stream_day d
        where ${anyUuid(sql`d.stream_id`, s.streamIds)} and ${closedDays(s, sql`d`)}
        union all
        select stream_id, playback_ms from live
      ) p group by stream_id
    ),
    stream_viewers as (select stream_id, count(*) as viewers from pairs group by stream_id)
    select 'day' as kind, to_char(day, 'YYYY-MM-DD') as key, viewers::text as viewers, playback_ms::text as playback_ms
    from (
      ${closedDaysRows}
      union all
      select day, count(distinct user_id), sum(playback_ms)::bigint from live group by day
    ) d
    union all
    select 'stream', p.stream_id::text, coalesce(v.viewers, 0)::text, p.playback_ms::text
    from stream_playback p left join stream_viewers v using (stream_id)
    union all
    select 'total', null, (select count(*) from (select distinct user_id from pairs) u)::text,
      (select coalesce(sum(playback_ms), 0) from stream_playback)::text`,
  );
  return rows.map((row) => watchRowSchema.parse(row));
}

/**
 * Peak and mean sessions per minute with any: closed days keep each day's peak, minute count
 * and session-minute sum (the creator's over all their streams, or the one stream's); the mean
 * over the range is their sums' quotient, as avg() over the minutes would be.
 */
async function concurrencyOf(db: DbOrTx, s: Split) {
  const closed =
    s.streamId === undefined
      ? sql`select c.peak_sessions as peak, c.active_minutes::bigint as active, c.session_minutes as total
          from meter_creator_day c where c.creator_id = ${s.creatorId}::uuid and ${closedDays(s, sql`c`)}`
      : sql`select d.peak_sessions as peak, d.active_minutes::bigint as active, d.session_minutes as total
          from meter_stream_day d where d.stream_id = ${s.streamId}::uuid and ${closedDays(s, sql`d`)}`;
  const [row] = await executeRows(
    db,
    sql`with live as (
      select count(distinct m.session_id) as n from meter_event m where ${liveEvents(s)}
      group by date_trunc('minute', m.created_at)
    ),
    parts as (
      ${closed}
      union all
      select max(n), count(*), sum(n) from live
    )
    select coalesce(max(peak), 0)::int as peak,
      coalesce(round(sum(total)::numeric / nullif(sum(active), 0), 2), 0)::text as average
    from parts`,
  );
  return concurrencyRowSchema.parse(row);
}

async function revenueRows(db: DbOrTx, s: Split) {
  const closedStream = s.streamId === undefined ? sql.empty() : sql`and r.stream_key = ${s.streamId}`;
  const liveStream = s.streamId === undefined ? sql.empty() : sql`and e.metadata->>'streamId' = ${s.streamId}`;
  const rows = await executeRows(
    db,
    sql`with x as (
      select r.day, nullif(r.stream_key, '') as stream_id, r.amount from creator_revenue_day r
      where r.creator_id = ${s.creatorId}::uuid and ${closedDays(s, sql`r`)} ${closedStream}
      union all
      select (e.created_at at time zone 'UTC')::date, e.metadata->>'streamId', e.amount
      from wallet w join ledger_entry e on e.wallet_id = w.id
      where w.kind = 'CREATOR_EARNINGS' and w.user_id = ${s.creatorId}::uuid
        and e.reference_type = 'METER_EVENT'
        and e.created_at >= ${s.split}::timestamptz and e.created_at < ${s.to}::timestamptz ${liveStream}
    )
    select grouping(day) as g_day, grouping(stream_id) as g_stream, to_char(day, 'YYYY-MM-DD') as day, stream_id,
      coalesce(sum(amount), 0)::text as amount
    from x group by grouping sets ((day), (stream_id), ())`,
  );
  return rows.map((row) => revenueRowSchema.parse(row));
}
