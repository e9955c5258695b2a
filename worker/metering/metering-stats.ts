import type { Db } from "../platform/db/client.ts";
import { getMeteringTotals } from "../wallet/index.ts";

/** GET /api/admin/metering-stats: dates are ISO dates or datetimes; endDate is exclusive. */
export async function getMeteringStats(
  db: Db,
  input: { startDate?: string | undefined; endDate?: string | undefined; streamId?: string | undefined },
) {
  const totals = await getMeteringTotals(db, {
    from: input.startDate ? new Date(input.startDate) : undefined,
    to: input.endDate ? new Date(input.endDate) : undefined,
    streamId: input.streamId,
  });
  return {
    totalDebited: totals.totalDebited,
    uniqueViewers: totals.uniqueViewers,
    sessions: totals.sessions,
    averageWatchSeconds: totals.sessions === 0 ? 0 : Number(totals.playbackMs / BigInt(totals.sessions)) / 1000,
    creatorEarnings: totals.creatorEarnings,
    platformRevenue: totals.platformRevenue,
  };
}
