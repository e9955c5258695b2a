import type { CreatorAnalyticsDto, CreatorAnalyticsQuery } from "../../contracts/creators.ts";
import { formatCredits } from "../../contracts/money.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { notFound } from "../platform/errors.ts";
import { findStream, findStreamTitles, getBroadcastStreamIds } from "../streams/index.ts";
import { getCreatorAnalytics as readAnalytics } from "../wallet/index.ts";
import { resolveAnalyticsRange } from "./analytics-range.ts";

const TOP_STREAMS = 10;

/** GET /api/creator/analytics: watching and revenue of the caller's streams (or one of them) per UTC day. */
export async function getCreatorAnalytics(
  db: DbOrTx,
  input: CreatorAnalyticsQuery & { creatorId: string; now?: Date },
): Promise<CreatorAnalyticsDto> {
  const range = resolveAnalyticsRange(input, input.now);
  const streamIds = await getBroadcastStreamIds(db, input.creatorId);
  if (input.streamId && !streamIds.includes(input.streamId)) {
    // Not one of the creator's broadcast streams: theirs but never live (nothing watched), or absent.
    const stream = await findStream(db, input.streamId);
    // Another creator's stream is as absent as a stream that does not exist.
    if (!stream || stream.creatorId !== input.creatorId) throw notFound("Stream");
  }
  const a = await readAnalytics(db, {
    creatorId: input.creatorId,
    streamIds,
    streamId: input.streamId,
    from: range.from,
    to: range.to,
    now: input.now,
  });
  const top = [...a.byStream]
    .sort(([, x], [, y]) =>
      x.revenue !== y.revenue ? (x.revenue > y.revenue ? -1 : 1) : x.playbackMs > y.playbackMs ? -1 : 1,
    )
    .slice(0, TOP_STREAMS);
  const titles = await findStreamTitles(
    db,
    top.map(([id]) => id),
  );
  const seconds = (ms: bigint) => Number(ms / 1000n);
  return {
    range: { start: range.start, end: range.end },
    totals: {
      uniqueViewers: a.uniqueViewers,
      watchSeconds: seconds(a.playbackMs),
      revenue: formatCredits(a.revenue),
      peakConcurrent: a.peakConcurrent,
      averageConcurrent: a.averageConcurrent,
    },
    viewersOverTime: range.days.map((day) => {
      const d = a.byDay.get(day);
      return { day, uniqueViewers: d?.uniqueViewers ?? 0, watchSeconds: seconds(d?.playbackMs ?? 0n) };
    }),
    revenueOverTime: range.days.map((day) => ({ day, amount: formatCredits(a.revenueByDay.get(day) ?? 0n) })),
    topStreams: top.map(([streamId, s]) => ({
      streamId,
      title: titles.get(streamId) ?? null,
      watchSeconds: seconds(s.playbackMs),
      revenue: formatCredits(s.revenue),
      uniqueViewers: s.uniqueViewers,
    })),
  };
}
