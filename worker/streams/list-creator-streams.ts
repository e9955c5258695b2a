import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { CreatorStreamRow, CreatorStreamsPage, CreatorStreamsQuery } from "../../contracts/creator-streams.ts";
import { getCategoriesById } from "../categories/index.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { escapeLike } from "../platform/escape-like.ts";
import { streamStatsTables } from "../wallet/index.ts";
import { dayBounds, durationSeconds, statusesFor } from "./creator-stream-filters.ts";
import { streamRank } from "./stream-order.ts";
import { streams } from "./streams.schema.ts";

/** The stream's date: when it went live, or when it was created if it never did (as in every stream list). */
const streamDate = sql`coalesce(${streams.startedAt}, ${streams.createdAt})`;
/** durationSeconds() in SQL, so the order spans every page; null sorts last either way. */
const duration = sql`case
  when ${streams.startedAt} is null then null
  when ${streams.endedAt} is not null then greatest(0, floor(extract(epoch from ${streams.endedAt} - ${streams.startedAt})))
  when ${streams.status} in ('LIVE', 'PAUSED') then greatest(0, floor(extract(epoch from now() - ${streams.startedAt})))
end`;
const peakViewers = sql<number>`coalesce(w.peak_viewers, 0)`.mapWith(Number);
const uniqueViewers = sql<number>`coalesce(w.unique_viewers, 0)`.mapWith(Number);
const revenue = sql<string>`coalesce(r.revenue, 0)::text`;

const SORT_KEYS: Record<CreatorStreamsQuery["sort"], SQL> = {
  date: streamDate,
  // Case-insensitive, in code point order: the same on every database whatever its collation.
  title: sql`lower(${streams.title}) collate "C"`,
  duration,
  viewers: sql`coalesce(w.peak_viewers, 0)`,
  revenue: sql`coalesce(r.revenue, 0)`,
  status: streamRank,
};

/**
 * GET /api/creator/streams: the creator's streams (deleted ones left out) with their watching and
 * revenue, filtered, sorted and paged in SQL. Ties fall back to the date (newest first), then id,
 * so a page boundary never repeats or skips a row.
 */
export async function listCreatorStreams(
  db: DbOrTx,
  input: CreatorStreamsQuery & { creatorId: string; now?: Date },
): Promise<CreatorStreamsPage> {
  const statuses = statusesFor(input.status);
  const { from, to } = dayBounds(input);
  const search = input.search?.toLowerCase();
  const where = and(
    eq(streams.creatorId, input.creatorId),
    isNull(streams.deletedAt),
    statuses ? inArray(streams.status, [...statuses]) : undefined,
    from ? sql`${streamDate} >= ${from.toISOString()}::timestamptz` : undefined,
    to ? sql`${streamDate} < ${to.toISOString()}::timestamptz` : undefined,
    search ? or(ilike(streams.title, `%${escapeLike(search)}%`), sql`${search} = any(${streams.tags})`) : undefined,
  );
  const stats = streamStatsTables({
    creatorId: input.creatorId,
    streamIds: sql`select ${streams.id} from ${streams} where ${where}`,
  });
  const key = SORT_KEYS[input.sort];
  const rows = await db
    .select({ stream: streams, peakViewers, uniqueViewers, revenue })
    .from(streams)
    .leftJoin(sql`${stats.watch} w`, sql`w.stream_id = ${streams.id}`)
    .leftJoin(sql`${stats.revenue} r`, sql`r.stream_id = ${streams.id}::text`)
    .where(where)
    .orderBy(
      input.dir === "asc" ? sql`${key} asc nulls last` : sql`${key} desc nulls last`,
      desc(streamDate),
      asc(streams.id),
    )
    .limit(input.limit)
    .offset((input.page - 1) * input.limit);
  const [total] = await db.select({ n: count() }).from(streams).where(where);
  const categories = await getCategoriesById(
    db,
    rows.flatMap((r) => (r.stream.categoryId ? [r.stream.categoryId] : [])),
  );
  const now = input.now ?? new Date();
  const streamsOut: CreatorStreamRow[] = rows.map(({ stream: s, ...numbers }) => {
    const category = s.categoryId ? categories.get(s.categoryId) : undefined;
    return {
      id: s.id,
      title: s.title,
      description: s.description,
      status: s.status,
      category: category ? { slug: category.slug, name: category.name } : null,
      tags: s.tags,
      thumbnailUrl: s.thumbnailUrl,
      createdAt: s.createdAt.toISOString(),
      startedAt: s.startedAt?.toISOString() ?? null,
      endedAt: s.endedAt?.toISOString() ?? null,
      durationSeconds: durationSeconds(s, now),
      peakViewers: numbers.peakViewers,
      uniqueViewers: numbers.uniqueViewers,
      revenueMillicredits: numbers.revenue,
    };
  });
  return { streams: streamsOut, total: total?.n ?? 0, page: input.page, limit: input.limit };
}
