import { and, desc, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import type { ListStreamsQuery } from "../../contracts/streams.ts";
import { findCategoryBySlug } from "../categories/index.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { badRequest } from "../platform/errors.ts";
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

function decode(cursor: string): Cursor {
  try {
    const c = JSON.parse(atob(cursor.replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>;
    if (
      typeof c.r === "number" &&
      Number.isInteger(c.r) &&
      typeof c.v === "number" &&
      Number.isSafeInteger(c.v) &&
      typeof c.t === "string" &&
      !Number.isNaN(Date.parse(c.t)) &&
      typeof c.id === "string" &&
      /^[0-9a-f-]{36}$/i.test(c.id)
    ) {
      return { r: c.r, v: c.v, t: c.t, id: c.id };
    }
  } catch {
    // fall through to the 400 below
  }
  throw badRequest("INVALID_CURSOR", "This cursor was not issued by this API");
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

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
