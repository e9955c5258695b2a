import { and, eq, ilike, inArray, isNull, ne, type SQL } from "drizzle-orm";
import type { ListStreamsQuery } from "../../contracts/streams.ts";
import { findCategoryBySlug } from "../categories/index.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { escapeLike } from "../platform/escape-like.ts";
import { afterStreamCursor, streamAtText, streamOrderBy, streamRank, toStreamPage } from "./stream-order.ts";
import { type Stream, streams } from "./streams.schema.ts";

/** Live first, then by viewers, then newest; keyset-paginated so pages do not shift under load. */
export async function listStreams(
  db: DbOrTx,
  input: ListStreamsQuery,
): Promise<{ streams: Stream[]; nextCursor: string | null }> {
  // A removed stream (takedown) is listed nowhere public; one its creator deleted, nowhere at all.
  const where: (SQL | undefined)[] = [ne(streams.status, "REMOVED"), isNull(streams.deletedAt)];
  if (input.status === "live") where.push(eq(streams.status, "LIVE"));
  if (input.status === "ended") where.push(eq(streams.status, "ENDED"));
  if (input.creatorId) where.push(eq(streams.creatorId, input.creatorId));
  if (input.search) where.push(ilike(streams.title, `%${escapeLike(input.search)}%`));
  if (input.category) {
    const category = await findCategoryBySlug(db, input.category);
    if (!category) return { streams: [], nextCursor: null };
    where.push(inArray(streams.categoryId, [category.id]));
  }
  if (input.cursor) where.push(afterStreamCursor(input.cursor));
  const rows = await db
    .select({ stream: streams, rank: streamRank, at: streamAtText })
    .from(streams)
    .where(and(...where))
    .orderBy(...streamOrderBy)
    .limit(input.limit + 1);
  return toStreamPage(rows, input.limit);
}
