import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../platform/db/client.ts";
import { executeRows, int8 } from "../platform/db/execute-rows.ts";
import { meterEvents } from "./wallet.schema.ts";

export interface StreamMeteringSum {
  /** Millicredits debited from viewers by ticks: revenue so far, escrow not yet settled included. */
  gross: bigint;
  uniqueViewers: number;
  playbackMs: bigint;
}

const rowSchema = z.object({ stream_id: z.string(), gross: int8, viewers: z.coerce.number(), playback_ms: int8 });

/** Metering per stream for a page of streams, in one grouped query (meter_event_stream_created_idx). */
export async function sumStreamMetering(
  db: DbOrTx,
  streamIds: readonly string[],
): Promise<Map<string, StreamMeteringSum>> {
  const ids = [...new Set(streamIds)];
  if (ids.length === 0) return new Map();
  const rows = await executeRows(
    db,
    sql`select ${meterEvents.streamId}::text as stream_id, coalesce(sum(${meterEvents.creditsDebited}), 0)::text as gross,
      count(distinct ${meterEvents.userId})::int as viewers, coalesce(sum(${meterEvents.playbackMs}), 0)::text as playback_ms
    from ${meterEvents}
    where ${meterEvents.streamId} in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
    group by ${meterEvents.streamId}`,
  );
  return new Map(
    rows.map((raw) => {
      const row = rowSchema.parse(raw);
      return [row.stream_id, { gross: row.gross, uniqueViewers: row.viewers, playbackMs: row.playback_ms }];
    }),
  );
}
