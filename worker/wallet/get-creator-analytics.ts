import { inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../platform/db/client.ts";
import { executeRows, int8 } from "./execute-rows.ts";
import { meterEvents } from "./wallet.schema.ts";

export interface CreatorAnalyticsInput {
  creatorId: string;
  /** The streams to count watching on (the creator's, or one of them); empty: nothing watched. */
  streamIds: readonly string[];
  /** [from, to): UTC day boundaries. */
  from: Date;
  to: Date;
  /** Only this stream's settlements count as revenue. */
  streamId?: string | undefined;
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
  g_day: z.coerce.number(),
  g_stream: z.coerce.number(),
  day: z.string().nullable(),
  stream_id: z.string().nullable(),
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

/**
 * A creator's watching and revenue over a range. Watching comes from meter_event (one row per
 * billed interval, by meter_event_stream_created_idx): viewers, playback, and concurrency as
 * distinct sessions billed per minute. Revenue is the ledger's: the creator's settlement
 * entries (the fee is rounded down per settlement, so meter amounts × (1 − fee) would not
 * match it), dated when they were settled, by ledger_entry_wallet_created_idx.
 */
export async function getCreatorAnalytics(db: DbOrTx, input: CreatorAnalyticsInput): Promise<CreatorAnalytics> {
  const from = input.from.toISOString();
  const to = input.to.toISOString();
  const [watch, concurrency, revenue] = await Promise.all([
    input.streamIds.length === 0 ? [] : watchRows(db, input.streamIds, from, to),
    input.streamIds.length === 0 ? { peak: 0, average: 0 } : concurrencyOf(db, input.streamIds, from, to),
    revenueRows(db, input, from, to),
  ]);

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
    if (row.g_day === 0 && row.day !== null) {
      result.byDay.set(row.day, { uniqueViewers: row.viewers, playbackMs: row.playback_ms });
    } else if (row.g_stream === 0 && row.stream_id !== null) {
      Object.assign(stream(row.stream_id), { uniqueViewers: row.viewers, playbackMs: row.playback_ms });
    } else if (row.g_day === 1 && row.g_stream === 1) {
      result.uniqueViewers = row.viewers;
      result.playbackMs = row.playback_ms;
    }
  }
  for (const row of revenue) {
    if (row.g_day === 0 && row.day !== null) result.revenueByDay.set(row.day, row.amount);
    else if (row.g_stream === 0) {
      if (row.stream_id !== null) stream(row.stream_id).revenue = row.amount;
    } else result.revenue = row.amount;
  }
  return result;
}

function meterWhere(streamIds: readonly string[], from: string, to: string) {
  return sql`${inArray(meterEvents.streamId, [...streamIds])}
    and ${meterEvents.createdAt} >= ${from}::timestamptz and ${meterEvents.createdAt} < ${to}::timestamptz`;
}

async function watchRows(db: DbOrTx, streamIds: readonly string[], from: string, to: string) {
  const rows = await executeRows(
    db,
    sql`with x as (
      select to_char(${meterEvents.createdAt} at time zone 'UTC', 'YYYY-MM-DD') as day,
        ${meterEvents.streamId}::text as stream_id, ${meterEvents.userId} as user_id,
        ${meterEvents.playbackMs} as playback_ms
      from ${meterEvents} where ${meterWhere(streamIds, from, to)}
    )
    select grouping(day) as g_day, grouping(stream_id) as g_stream, day, stream_id,
      count(distinct user_id)::int as viewers, coalesce(sum(playback_ms), 0)::text as playback_ms
    from x group by grouping sets ((day), (stream_id), ())`,
  );
  return rows.map((row) => watchRowSchema.parse(row));
}

async function concurrencyOf(db: DbOrTx, streamIds: readonly string[], from: string, to: string) {
  const [row] = await executeRows(
    db,
    sql`select coalesce(max(n), 0)::int as peak, coalesce(round(avg(n), 2), 0)::text as average
    from (
      select count(distinct ${meterEvents.sessionId}) as n from ${meterEvents}
      where ${meterWhere(streamIds, from, to)}
      group by date_trunc('minute', ${meterEvents.createdAt})
    ) per_minute`,
  );
  return concurrencyRowSchema.parse(row);
}

async function revenueRows(db: DbOrTx, input: CreatorAnalyticsInput, from: string, to: string) {
  const stream = input.streamId === undefined ? sql.empty() : sql`and e.metadata->>'streamId' = ${input.streamId}`;
  const rows = await executeRows(
    db,
    sql`with x as (
      select to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD') as day, e.metadata->>'streamId' as stream_id,
        e.amount
      from wallet w join ledger_entry e on e.wallet_id = w.id
      where w.kind = 'CREATOR_EARNINGS' and w.user_id = ${input.creatorId}::uuid
        and e.reference_type = 'METER_EVENT'
        and e.created_at >= ${from}::timestamptz and e.created_at < ${to}::timestamptz ${stream}
    )
    select grouping(day) as g_day, grouping(stream_id) as g_stream, day, stream_id, coalesce(sum(amount), 0)::text as amount
    from x group by grouping sets ((day), (stream_id), ())`,
  );
  return rows.map((row) => revenueRowSchema.parse(row));
}
