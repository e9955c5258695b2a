import { and, eq, isNull, ne, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { DiscoverStreamsQuery } from "../../contracts/streams.ts";
import { categoryIdsWithNameMatching, findCategoryBySlug } from "../categories/index.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { textMatches, withTextSearch } from "../platform/text-search.ts";
import { userIdsWithNameMatching } from "../users/index.ts";
import { afterStreamCursor, streamAtText, streamOrderBy, streamRank, toStreamPage } from "./stream-order.ts";
import { type Stream, streams } from "./streams.schema.ts";

/**
 * The browse page's list: live streams first, then by viewers, then newest (the order of /list),
 * optionally searched by title, creator name or category name, typo-tolerant, in one statement.
 */
export async function discoverStreams(
  db: DbOrTx,
  input: DiscoverStreamsQuery,
): Promise<{ streams: Stream[]; nextCursor: string | null }> {
  // A removed stream (takedown) is listed nowhere public; one its creator deleted, nowhere at all.
  const where: (SQL | undefined)[] = [ne(streams.status, "REMOVED"), isNull(streams.deletedAt)];
  if (input.status === "live") where.push(eq(streams.status, "LIVE"));
  if (input.category) {
    const category = await findCategoryBySlug(db, input.category);
    if (!category) return { streams: [], nextCursor: null };
    where.push(eq(streams.categoryId, category.id));
  }
  if (input.cursor) where.push(afterStreamCursor(input.cursor));
  const term = input.search;

  const page = async (tx: DbOrTx) => {
    const filters = [...where];
    if (term) {
      // A union rather than an OR: each branch uses its own index (title trigrams, creator, category).
      // `= any(array(…))` rather than `in (…)`: each list is computed once, then the rows are fetched
      // by primary key (or creator, category) instead of a join the planner would size by guesswork.
      const matching = unionAll(
        tx.select({ id: streams.id }).from(streams).where(textMatches(streams.title, term)),
        tx
          .select({ id: streams.id })
          .from(streams)
          .where(sql`${streams.creatorId} = any(array(${userIdsWithNameMatching(tx, term)}))`),
        tx
          .select({ id: streams.id })
          .from(streams)
          .where(sql`${streams.categoryId} = any(array(${categoryIdsWithNameMatching(tx, term)}))`),
      );
      filters.push(sql`${streams.id} = any(array(${matching}))`);
    }
    return tx
      .select({ stream: streams, rank: streamRank, at: streamAtText })
      .from(streams)
      .where(and(...filters))
      .orderBy(...streamOrderBy)
      .limit(input.limit + 1);
  };
  const rows = term ? await withTextSearch(db, page) : await page(db);

  return toStreamPage(rows, input.limit);
}
