import { desc, sql, type SQL } from "drizzle-orm";
import { decodeCursorJson, encodeCursor, invalidCursor, isPgTimestamptz, isUuid } from "../platform/cursor.ts";
import { streams, type Stream } from "./streams.schema.ts";

/**
 * The order of every stream list (GET /api/streams/list, /discover): live first, then paused,
 * scheduled and ended; then by viewers, then newest, then id, so ties still have one order and a
 * keyset cursor neither repeats nor skips a row.
 */
export const streamRank = sql<number>`case ${streams.status} when 'LIVE' then 0 when 'PAUSED' then 1 when 'SCHEDULED' then 2 else 3 end`;
const at = sql`coalesce(${streams.startedAt}, ${streams.createdAt})`;
/** The recency key as Postgres prints it (microseconds survive the round trip through a cursor). */
export const streamAtText = sql<string>`${at}::text`;
export const streamOrderBy = [streamRank, desc(streams.viewerCount), desc(at), desc(streams.id)] as const;

interface Cursor {
  r: number;
  v: number;
  t: string;
  id: string;
}

const INT4_MAX = 2_147_483_647;

function decode(cursor: string): Cursor {
  const c = decodeCursorJson(cursor);
  // Every field must survive its cast in the page query (rank and viewer_count are int4).
  if (
    typeof c === "object" &&
    c !== null &&
    "r" in c &&
    "v" in c &&
    "t" in c &&
    "id" in c &&
    Number.isInteger(c.r) &&
    typeof c.r === "number" &&
    c.r >= 0 &&
    c.r <= 3 &&
    typeof c.v === "number" &&
    Number.isInteger(c.v) &&
    c.v >= 0 &&
    c.v <= INT4_MAX &&
    typeof c.t === "string" &&
    isPgTimestamptz(c.t) &&
    isUuid(c.id)
  ) {
    return { r: c.r, v: c.v, t: c.t, id: c.id };
  }
  throw invalidCursor();
}

/** The rows after a cursor this order issued; INVALID_CURSOR (400) for anything else. */
export function afterStreamCursor(cursor: string): SQL {
  const c = decode(cursor);
  return sql`(${streamRank} > ${c.r} or (${streamRank} = ${c.r} and (${streams.viewerCount} < ${c.v} or (${streams.viewerCount} = ${c.v} and (${at} < ${c.t}::timestamptz or (${at} = ${c.t}::timestamptz and ${streams.id} < ${c.id}::uuid))))))`;
}

/** The cursor after a page whose last row is `last` (selected with streamRank and streamAtText). */
export const streamCursorAfter = (last: { rank: number | string; viewerCount: number; at: string; id: string }) =>
  encodeCursor({ r: Number(last.rank), v: last.viewerCount, t: last.at, id: last.id });

/** One page from rows fetched with `limit + 1` in `streamOrderBy` order: the extra row says there is more. */
export function toStreamPage(
  rows: readonly { stream: Stream; rank: number | string; at: string }[],
  limit: number,
): { streams: Stream[]; nextCursor: string | null } {
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return {
    streams: shown.map((r) => r.stream),
    nextCursor:
      rows.length > limit && last
        ? streamCursorAfter({ rank: last.rank, at: last.at, viewerCount: last.stream.viewerCount, id: last.stream.id })
        : null,
  };
}
