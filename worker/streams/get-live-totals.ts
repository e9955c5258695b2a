import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { streams } from "./streams.schema.ts";

export interface LiveTotals {
  /** Streams live right now. */
  liveStreams: number;
  /** Viewers with an active paid session on a live stream, summed over the streams. */
  viewers: number;
}

/** How much is on air now, for the admin overview (one aggregate over the status index). */
export async function getLiveTotals(db: DbOrTx): Promise<LiveTotals> {
  const [row] = await db
    .select({ streams: count(), viewers: sql<string>`coalesce(sum(${streams.viewerCount}), 0)::bigint` })
    .from(streams)
    .where(and(eq(streams.status, "LIVE"), isNull(streams.deletedAt)));
  return { liveStreams: row?.streams ?? 0, viewers: Number(row?.viewers ?? 0) };
}
