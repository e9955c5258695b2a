import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../platform/db/client.ts";
import { isUuid } from "../platform/cursor.ts";
import { executeRows } from "../platform/db/execute-rows.ts";

const DAY_MS = 86_400_000;
/**
 * A UTC day is closed (its rollup may be written) this long after it ends: meter events and
 * ledger entries are dated by their transaction's start, so one that began before midnight may
 * commit just after it. Until then the day is read live from meter_event and the ledger.
 */
export const ROLLUP_GRACE_MS = 3_600_000;

/** Midnight UTC after the last closed day at `now`: days before it are closed. */
export function closedDaysEnd(now: Date): Date {
  const ms = now.getTime() - ROLLUP_GRACE_MS;
  return new Date(ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS));
}

export interface FillAnalyticsRollupInput {
  creatorId: string;
  /** Every stream of the creator's with watching: a creator-day's rollup covers them all. */
  streamIds: readonly string[];
  /** Days [fromDay, toDay) ("YYYY-MM-DD", UTC), all closed (before closedDaysEnd). */
  fromDay: string;
  toDay: string;
}

const resultSchema = z.object({
  days: z.coerce.number(),
  stream_days: z.coerce.number(),
  viewer_days: z.coerce.number(),
  revenue_days: z.coerce.number(),
});
export type AnalyticsRollupFill = z.infer<typeof resultSchema>;

/** `x = any(…)` over uuids, as one array parameter (the ids come from our own rows). */
export function anyUuid(column: SQL, ids: readonly string[]): SQL {
  if (!ids.every(isUuid)) throw new Error("anyUuid: not a uuid");
  return sql`${column} = any(${`{${ids.join(",")}}`}::uuid[])`;
}

/**
 * Writes the analytics rollups of the creator's closed days in [fromDay, toDay) that have none
 * yet (meter_creator_day marks a day done), in one statement: per stream and day the playback
 * and per-minute concurrency, who watched, the creator's concurrency over all their streams, and
 * their settled shares per stream. Idempotent: every insert is ON CONFLICT DO NOTHING and a day
 * already marked is not read again; a concurrent fill of the same day writes the same rows (the
 * day is closed) and the loser's are dropped. Reads only meter_event and the creator's earnings.
 */
export async function fillAnalyticsRollup(db: DbOrTx, input: FillAnalyticsRollupInput): Promise<AnalyticsRollupFill> {
  const creator = sql`${input.creatorId}::uuid`;
  const inStreams = anyUuid(sql`m.stream_id`, input.streamIds);
  const [row] = await executeRows(
    db,
    sql`with missing as (
      select d::date as day from generate_series(${input.fromDay}::date, ${input.toDay}::date - 1, interval '1 day') d
      where not exists (select 1 from meter_creator_day c where c.creator_id = ${creator} and c.day = d::date)
    ),
    span as (
      select (min(day)::timestamp at time zone 'UTC') as lo, ((max(day) + 1)::timestamp at time zone 'UTC') as hi
      from missing
    ),
    -- One row per stream, session, viewer and minute billed (a sixth of the events or fewer): the
    -- rest aggregates these. A minute lies within one UTC day.
    ev as materialized (
      select m.stream_id, m.session_id, m.user_id, date_trunc('minute', m.created_at) as minute,
        sum(m.playback_ms)::bigint as playback_ms
      from span
      join meter_event m on ${inStreams} and m.created_at >= span.lo and m.created_at < span.hi
      group by m.stream_id, m.session_id, m.user_id, date_trunc('minute', m.created_at)
    ),
    sm as materialized (
      select ev.*, (ev.minute at time zone 'UTC')::date as day from ev
      where (ev.minute at time zone 'UTC')::date in (select day from missing)
    ),
    stream_minutes as (
      select stream_id, day, count(distinct session_id) as n from sm group by stream_id, day, minute
    ),
    creator_minutes as (
      select day, count(distinct session_id) as n from sm group by day, minute
    ),
    put_streams as (
      insert into meter_stream_day (stream_id, day, viewers, playback_ms, peak_sessions, active_minutes, session_minutes)
      select p.stream_id, p.day, p.viewers, p.playback_ms, c.peak, c.active, c.total
      from (
        select stream_id, day, count(distinct user_id)::int as viewers, sum(playback_ms)::bigint as playback_ms
        from sm group by stream_id, day
      ) p
      join (
        select stream_id, day, max(n)::int as peak, count(*)::int as active, sum(n)::bigint as total
        from stream_minutes group by stream_id, day
      ) c using (stream_id, day)
      on conflict do nothing
      returning 1
    ),
    put_viewers as (
      insert into meter_viewer_day (stream_id, day, user_id)
      select distinct stream_id, day, user_id from sm
      on conflict do nothing
      returning 1
    ),
    put_revenue as (
      insert into creator_revenue_day (creator_id, day, stream_key, amount)
      select ${creator}, r.day, r.stream_key, sum(r.amount)
      from (
        select (e.created_at at time zone 'UTC')::date as day, coalesce(e.metadata->>'streamId', '') as stream_key, e.amount
        from span
        join wallet w on w.kind = 'CREATOR_EARNINGS' and w.user_id = ${creator}
        join ledger_entry e on e.wallet_id = w.id and e.reference_type = 'METER_EVENT'
          and e.created_at >= span.lo and e.created_at < span.hi
      ) r
      where r.day in (select day from missing)
      group by r.day, r.stream_key
      on conflict do nothing
      returning 1
    ),
    put_creator as (
      insert into meter_creator_day
        (creator_id, day, viewers, playback_ms, peak_sessions, active_minutes, session_minutes)
      select ${creator}, m.day, coalesce(w.viewers, 0), coalesce(w.playback_ms, 0), coalesce(c.peak, 0),
        coalesce(c.active, 0), coalesce(c.total, 0)
      from missing m
      left join (
        select day, count(distinct user_id)::int as viewers, sum(playback_ms)::bigint as playback_ms from sm group by day
      ) w using (day)
      left join (
        select day, max(n)::int as peak, count(*)::int as active, sum(n)::bigint as total from creator_minutes group by day
      ) c using (day)
      on conflict do nothing
      returning 1
    )
    select (select count(*) from put_creator) as days, (select count(*) from put_streams) as stream_days,
      (select count(*) from put_viewers) as viewer_days, (select count(*) from put_revenue) as revenue_days`,
  );
  return resultSchema.parse(row);
}
