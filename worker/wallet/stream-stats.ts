import { type SQL, sql } from "drizzle-orm";

/**
 * Per-stream watching and revenue as derived tables for another domain's query to join, filter and
 * sort on in SQL (the stream manager sorts by them over pages, so it cannot ask stream by stream).
 * The definitions are the per-stream report's, so the numbers agree with it:
 *
 * - `watch` (stream_id uuid, peak_viewers int, unique_viewers int), over the streams `streamIds`
 *   (a subquery of stream ids) names: peak is the most distinct sessions billed in one UTC minute
 *   (getStreamViewersByMinute), unique is the distinct viewers billed (getMeteringTotals);
 * - `revenue` (stream_id text, revenue numeric): the creator's settled shares, the METER_EVENT
 *   entries of their CREATOR_EARNINGS account by the stream their metadata names (getCreatorEarnings'
 *   byStream), summed over all time.
 *
 * A stream nobody watched has no row in either: join them left and coalesce to zero.
 */
export function streamStatsTables(input: { creatorId: string; streamIds: SQL }): { watch: SQL; revenue: SQL } {
  const watch = sql`(
    select viewers.stream_id, peaks.peak_viewers, viewers.unique_viewers
    from (
      select me.stream_id, count(distinct me.user_id)::int as unique_viewers
      from meter_event me where me.stream_id in (${input.streamIds})
      group by me.stream_id
    ) viewers
    join (
      select per_minute.stream_id, max(per_minute.sessions)::int as peak_viewers
      from (
        select me.stream_id, count(distinct me.session_id) as sessions
        from meter_event me where me.stream_id in (${input.streamIds})
        group by me.stream_id, date_trunc('minute', me.created_at at time zone 'UTC')
      ) per_minute
      group by per_minute.stream_id
    ) peaks on peaks.stream_id = viewers.stream_id
  )`;
  const revenue = sql`(
    select e.metadata->>'streamId' as stream_id, sum(e.amount) as revenue
    from wallet w join ledger_entry e on e.wallet_id = w.id
    where w.kind = 'CREATOR_EARNINGS' and w.user_id = ${input.creatorId}::uuid and e.reference_type = 'METER_EVENT'
    group by 1
  )`;
  return { watch, revenue };
}
