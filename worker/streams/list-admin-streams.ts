import { and, count, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { AdminStreamPage, AdminStreamRow, AdminStreamsQuery } from "../../contracts/admin-streams.ts";
import { formatCredits } from "../../contracts/money.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { escapeLike } from "../platform/escape-like.ts";
import { getPublicProfiles, userIdsWithNameMatching } from "../users/index.ts";
import { sumStreamMetering } from "../wallet/index.ts";
import { streamRank } from "./stream-order.ts";
import { type Stream, streams } from "./streams.schema.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_MS = 86_400_000;
/** When a stream happened, for the date filter: its start, or its creation if it never started. */
const happenedAt = sql`coalesce(${streams.startedAt}, ${streams.createdAt})`;

/**
 * GET /api/admin/streams: every stream (removed ones too), live first, then newest; with viewers
 * now, duration and revenue so far (what ticks debited, escrow not yet settled included).
 */
export async function listAdminStreams(db: DbOrTx, input: AdminStreamsQuery): Promise<AdminStreamPage> {
  const where: (SQL | undefined)[] = [];
  if (input.status) where.push(eq(streams.status, input.status));
  if (input.search) where.push(ilike(streams.title, `%${escapeLike(input.search)}%`));
  if (input.creator) {
    const byName = inArray(streams.creatorId, userIdsWithNameMatching(db, input.creator));
    where.push(UUID.test(input.creator) ? or(eq(streams.creatorId, input.creator), byName) : byName);
  }
  if (input.from) where.push(gte(happenedAt, new Date(`${input.from}T00:00:00Z`)));
  if (input.to) where.push(lt(happenedAt, new Date(Date.parse(`${input.to}T00:00:00Z`) + DAY_MS)));
  const filter = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(streams)
      .where(filter)
      .orderBy(streamRank, desc(happenedAt), desc(streams.id))
      .limit(input.limit)
      .offset((input.page - 1) * input.limit),
    db.select({ n: count() }).from(streams).where(filter),
  ]);
  return {
    streams: await toAdminStreamRows(db, rows),
    total: total?.n ?? 0,
    page: input.page,
    limit: input.limit,
  };
}

/** Streams as the admin tables show them: creator names and metering through their domains. */
export async function toAdminStreamRows(
  db: DbOrTx,
  rows: readonly Stream[],
  now = new Date(),
): Promise<AdminStreamRow[]> {
  const [profiles, metering] = await Promise.all([
    getPublicProfiles(
      db,
      rows.map((r) => r.creatorId),
    ),
    sumStreamMetering(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => {
    const m = metering.get(r.id);
    const end = r.endedAt ?? (r.status === "LIVE" || r.status === "PAUSED" ? now : null);
    return {
      id: r.id,
      title: r.title,
      status: r.status,
      creator: { id: r.creatorId, displayName: profiles.get(r.creatorId)?.displayName ?? "Unknown creator" },
      viewerCount: r.viewerCount,
      startedAt: r.startedAt?.toISOString() ?? null,
      endedAt: r.endedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      durationSeconds:
        r.startedAt && end ? Math.max(0, Math.floor((end.getTime() - r.startedAt.getTime()) / 1000)) : null,
      revenue: formatCredits(m?.gross ?? 0n),
      uniqueViewers: m?.uniqueViewers ?? 0,
      watchSeconds: Number((m?.playbackMs ?? 0n) / 1000n),
    };
  });
}
