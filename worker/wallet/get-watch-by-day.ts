import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../platform/db/client.ts";
import { executeRows, int8 } from "../platform/db/execute-rows.ts";
import { meterEvents } from "./wallet.schema.ts";

export interface WatchByDay {
  /** Over the whole range. */
  playbackMs: bigint;
  uniqueViewers: number;
  /** UTC days with billed watching ("YYYY-MM-DD"). */
  byDay: Map<string, bigint>;
}

const rowSchema = z.object({ day: z.string().nullable(), viewers: z.coerce.number(), playback_ms: int8 });

/** Billed watching on the whole platform over [from, to), per UTC day (meter events, one per interval). */
export async function getWatchByDay(db: DbOrTx, input: { from: Date; to: Date }): Promise<WatchByDay> {
  const rows = await executeRows(
    db,
    sql`with x as (
      select to_char(${meterEvents.createdAt} at time zone 'UTC', 'YYYY-MM-DD') as day,
        ${meterEvents.userId} as user_id, ${meterEvents.playbackMs} as playback_ms
      from ${meterEvents}
      where ${meterEvents.createdAt} >= ${input.from.toISOString()}::timestamptz
        and ${meterEvents.createdAt} < ${input.to.toISOString()}::timestamptz
    )
    select day, count(distinct user_id)::int as viewers, coalesce(sum(playback_ms), 0)::text as playback_ms
    from x group by grouping sets ((day), ())`,
  );
  const result: WatchByDay = { playbackMs: 0n, uniqueViewers: 0, byDay: new Map() };
  for (const raw of rows) {
    const row = rowSchema.parse(raw);
    if (row.day === null) {
      result.playbackMs = row.playback_ms;
      result.uniqueViewers = row.viewers;
    } else result.byDay.set(row.day, row.playback_ms);
  }
  return result;
}
