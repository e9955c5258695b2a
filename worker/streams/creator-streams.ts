import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { type Stream, streams } from "./streams.schema.ts";

/** Each creator's current stream (live or paused), by creator id: the follow list, the profile. */
export async function findCurrentStreams(db: DbOrTx, creatorIds: readonly string[]): Promise<Map<string, Stream>> {
  const unique = [...new Set(creatorIds)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select()
    .from(streams)
    .where(and(inArray(streams.creatorId, unique), inArray(streams.status, ["LIVE", "PAUSED"])));
  // A creator with two at once (possible: two rooms) shows the one with more viewers, live first.
  const byCreator = new Map<string, Stream>();
  for (const row of rows) {
    const seen = byCreator.get(row.creatorId);
    const better =
      !seen ||
      (row.status === "LIVE" && seen.status !== "LIVE") ||
      (row.status === seen.status && row.viewerCount > seen.viewerCount);
    if (better) byCreator.set(row.creatorId, row);
  }
  return byCreator;
}

/** The ids of a creator's streams that have gone live at least once (their profile's totals). */
export async function getBroadcastStreamIds(db: DbOrTx, creatorId: string): Promise<string[]> {
  const rows = await db
    .select({ id: streams.id })
    .from(streams)
    .where(and(eq(streams.creatorId, creatorId), isNotNull(streams.startedAt)));
  return rows.map((r) => r.id);
}
