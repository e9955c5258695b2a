import { and, gte, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { StreamAnalytics } from "../../contracts/admin-streams.ts";
import { countPeakViewers } from "../metering/index.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import type { DayRange } from "../platform/day-range.ts";
import { getWatchByDay } from "../wallet/index.ts";
import { streams } from "./streams.schema.ts";

const dayRowSchema = z.object({ day: z.string(), streams: z.coerce.number(), seconds: z.coerce.number() });

/**
 * GET /api/admin/analytics/streams: streams that went live in the range (how many, how long on
 * average, to now for one still running), the most viewing sessions open at once, and billed
 * watch time from the meter events, per UTC day.
 */
export async function getStreamAnalytics(db: DbOrTx, range: DayRange): Promise<StreamAnalytics> {
  const started = and(gte(streams.startedAt, range.from), lt(streams.startedAt, range.to));
  const duration = sql`extract(epoch from coalesce(${streams.endedAt}, now()) - ${streams.startedAt})`;
  const [perDay, peak, watch] = await Promise.all([
    db
      .select({
        day: sql<string>`to_char(${streams.startedAt} at time zone 'UTC', 'YYYY-MM-DD')`,
        streams: sql<number>`count(*)::int`,
        seconds: sql<string>`coalesce(sum(floor(${duration})), 0)::text`,
      })
      .from(streams)
      .where(started)
      .groupBy(sql`1`),
    countPeakViewers(db, { from: range.from, to: range.to }),
    getWatchByDay(db, range),
  ]);
  const byDay = new Map(perDay.map((raw) => dayRowSchema.parse(raw)).map((r) => [r.day, r]));
  const totalStreams = [...byDay.values()].reduce((n, r) => n + r.streams, 0);
  const totalSeconds = [...byDay.values()].reduce((n, r) => n + r.seconds, 0);
  return {
    range: { start: range.start, end: range.end },
    totals: {
      streams: totalStreams,
      averageDurationSeconds: totalStreams === 0 ? 0 : Math.floor(totalSeconds / totalStreams),
      peakConcurrentViewers: peak.peak,
      watchSeconds: Number(watch.playbackMs / 1000n),
      uniqueViewers: watch.uniqueViewers,
    },
    days: range.days.map((day) => ({
      day,
      streams: byDay.get(day)?.streams ?? 0,
      watchSeconds: Number((watch.byDay.get(day) ?? 0n) / 1000n),
    })),
  };
}
