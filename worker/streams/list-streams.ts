import { and, desc, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import type { ListStreamsQuery } from "../../contracts/streams.ts";
import { findCategoryBySlug } from "../categories/index.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { escapeLike } from "../platform/escape-like.ts";
import { decodeCursorText, invalidCursor, isPgTimestamptz, isUuid } from "../platform/cursor.ts";
import { type Stream, streams } from "./streams.schema.ts";

const rank = sql<number>`case ${streams.status} when 'LIVE' then 0 when 'PAUSED' then 1 when 'SCHEDULED' then 2 else 3 end`;
const at = sql`coalesce(${streams.startedAt}, ${streams.createdAt})`;

interface Cursor {
  r: number;
  v: number;
  t: string;
  id: string;
}

const encode = (c: Cursor) => btoa(JSON.stringify(c)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

const INT4_MAX = 2_147_483_647;

function decode(cursor: string): Cursor {
  let c: unknown;
  try {
    c = JSON.parse(decodeCursorText(cursor));
  } catch {
    throw invalidCursor(); // base64 of something that is not JSON
  }
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

/** Live first, then by viewers, then newest; keyset-paginated so pages do not shift under load. */
export async function listStreams(
  db: DbOrTx,
  input: ListStreamsQuery,
): Promise<{ streams: Stream[]; nextCursor: string | null }> {
  const where: (SQL | undefined)[] = [];
  if (input.status === "live") where.push(eq(streams.status, "LIVE"));
  if (input.status === "ended") where.push(eq(streams.status, "ENDED"));
  if (input.creatorId) where.push(eq(streams.creatorId, input.creatorId));
  if (input.search) where.push(ilike(streams.title, `%${escapeLike(input.search)}%`));
  if (input.category) {
    const category = await findCategoryBySlug(db, input.category);
    if (!category) return { streams: [], nextCursor: null };
    where.push(inArray(streams.categoryId, [category.id]));
  }
  if (input.cursor) {
    const c = decode(input.cursor);
    where.push(
      sql`(${rank} > ${c.r} or (${rank} = ${c.r} and (${streams.viewerCount} < ${c.v} or (${streams.viewerCount} = ${c.v} and (${at} < ${c.t}::timestamptz or (${at} = ${c.t}::timestamptz and ${streams.id} < ${c.id}::uuid))))))`,
    );
  }
  const rows = await db
    .select({ stream: streams, rank, at: sql<string>`${at}::text` })
    .from(streams)
    .where(and(...where))
    .orderBy(rank, desc(streams.viewerCount), desc(at), desc(streams.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    streams: page.map((r) => r.stream),
    nextCursor:
      rows.length > input.limit && last
        ? encode({ r: Number(last.rank), v: last.stream.viewerCount, t: last.at, id: last.stream.id })
        : null,
  };
}
