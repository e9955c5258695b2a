import { asc, eq } from "drizzle-orm";
import type { AdminStreamDetail } from "../../contracts/admin-streams.ts";
import { formatCredits } from "../../contracts/money.ts";
import { countPeakViewers } from "../metering/index.ts";
import { listStreamModerationActions } from "../moderation/index.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { notFound } from "../platform/errors.ts";
import { getMeteringTotals } from "../wallet/index.ts";
import { findStream } from "./find-stream.ts";
import { toAdminStreamRows } from "./list-admin-streams.ts";
import { streamSessions } from "./streams.schema.ts";

const RECENT_ACTIONS = 20;

/**
 * GET /api/admin/streams/:id: one stream for the console: its live periods, viewers, revenue
 * (debited, and how much of it is settled) and the latest moderation actions taken in it.
 */
export async function getAdminStream(db: DbOrTx, input: { streamId: string }): Promise<AdminStreamDetail> {
  const stream = await findStream(db, input.streamId);
  if (!stream) throw notFound("Stream");
  const [[row], periods, totals, viewers, moderation] = await Promise.all([
    toAdminStreamRows(db, [stream]),
    db
      .select({ createdAt: streamSessions.createdAt, endedAt: streamSessions.endedAt })
      .from(streamSessions)
      .where(eq(streamSessions.streamId, stream.id))
      .orderBy(asc(streamSessions.createdAt)),
    getMeteringTotals(db, { streamId: stream.id }),
    countPeakViewers(db, { streamId: stream.id }),
    listStreamModerationActions(db, stream.id, RECENT_ACTIONS),
  ]);
  if (!row) throw new Error("toAdminStreamRows dropped the stream");

  const timeline: AdminStreamDetail["timeline"] = [{ kind: "created", at: stream.createdAt.toISOString() }];
  for (const p of periods) {
    timeline.push({ kind: "live", at: p.createdAt.toISOString() });
    // The last period's end is the stream's end, said once below.
    if (p.endedAt && p.endedAt.getTime() !== stream.endedAt?.getTime())
      timeline.push({ kind: "offline", at: p.endedAt.toISOString() });
  }
  if (stream.status === "REMOVED") {
    const takedown = moderation.find((a) => a.action === "TAKEDOWN" && a.targetType === "STREAM");
    const at = takedown?.createdAt ?? stream.endedAt?.toISOString();
    if (at) timeline.push({ kind: "removed", at });
  } else if (stream.endedAt) timeline.push({ kind: "ended", at: stream.endedAt.toISOString() });
  timeline.sort((a, b) => a.at.localeCompare(b.at));

  const unsettled = totals.totalDebited - totals.platformRevenue - totals.creatorEarnings;
  return {
    stream: row,
    timeline,
    viewers: {
      now: stream.viewerCount,
      unique: totals.uniqueViewers,
      peak: viewers.peak,
      sessions: viewers.sessions,
    },
    revenue: {
      gross: formatCredits(totals.totalDebited),
      platformFee: formatCredits(totals.platformRevenue),
      creator: formatCredits(totals.creatorEarnings),
      unsettled: formatCredits(unsettled > 0n ? unsettled : 0n),
    },
    moderation,
  };
}
