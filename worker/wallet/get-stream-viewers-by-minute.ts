import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../platform/db/client.ts";
import { executeRows } from "../platform/db/execute-rows.ts";
import { meterEvents } from "./wallet.schema.ts";

// Formatted in SQL so both drivers return the same string, whatever they do with timestamps.
const MINUTE_ISO = `YYYY-MM-DD"T"HH24:MI:00"Z"`;

const rowSchema = z.object({ minute: z.iso.datetime(), viewers: z.coerce.number() });

/**
 * Concurrent viewers of one stream per UTC minute that had any: each booked interval is one
 * viewer present, so a minute ("2026-12-02T05:51:00Z") counts the distinct sessions billed in it (by
 * meter_event_stream_created_idx). Oldest first.
 */
export async function getStreamViewersByMinute(
  db: DbOrTx,
  streamId: string,
): Promise<{ minute: string; viewers: number }[]> {
  const rows = await executeRows(
    db,
    sql`select to_char(date_trunc('minute', ${meterEvents.createdAt} at time zone 'UTC'), ${MINUTE_ISO}) as minute,
      count(distinct ${meterEvents.sessionId})::int as viewers
    from ${meterEvents} where ${meterEvents.streamId} = ${streamId}::uuid
    group by 1 order by 1`,
  );
  return rows.map((row) => rowSchema.parse(row));
}
