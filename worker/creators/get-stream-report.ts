import type { StreamReportDto } from "../../contracts/creators.ts";
import { formatCredits } from "../../contracts/money.ts";
import { countChatByMinute } from "../chat/index.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { notFound } from "../platform/errors.ts";
import { findStream } from "../streams/index.ts";
import { getMeteringTotals, getStreamViewersByMinute } from "../wallet/index.ts";

/**
 * GET /api/creator/streams/:id/report: one stream minute by minute. Viewers are the meter
 * events' (one billed interval = one viewer present); revenue is what ticks debited and how the
 * ledger's settlements split it, so gross exceeds fee + creator while escrows are unsettled.
 */
export async function getStreamReport(
  db: DbOrTx,
  input: { streamId: string; userId: string; isAdmin: boolean },
): Promise<StreamReportDto> {
  const stream = await findStream(db, input.streamId);
  // Another creator's stream is as absent as a stream that does not exist; admins read any.
  if (!stream || (stream.creatorId !== input.userId && !input.isAdmin)) throw notFound("Stream");
  const [minutes, chat, totals] = await Promise.all([
    getStreamViewersByMinute(db, stream.id),
    countChatByMinute(db, stream.id),
    getMeteringTotals(db, { streamId: stream.id }),
  ]);
  return {
    stream: {
      id: stream.id,
      title: stream.title,
      status: stream.status,
      startedAt: stream.startedAt?.toISOString() ?? null,
      endedAt: stream.endedAt?.toISOString() ?? null,
    },
    minutes,
    revenue: {
      gross: formatCredits(totals.totalDebited),
      platformFee: formatCredits(totals.platformRevenue),
      creator: formatCredits(totals.creatorEarnings),
    },
    chat,
    totals: {
      uniqueViewers: totals.uniqueViewers,
      watchSeconds: Number(totals.playbackMs / 1000n),
      peakViewers: minutes.reduce((peak, m) => Math.max(peak, m.viewers), 0),
    },
  };
}
