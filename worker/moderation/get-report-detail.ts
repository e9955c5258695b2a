import { and, desc, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import {
  REPORT_REASONS,
  type ModerationHistoryItem,
  type ReportDetail,
  type ReportSummary,
} from "../../contracts/moderation.ts";
import { listMessagesAround } from "../chat/index.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { notFound } from "../platform/errors.ts";
import { findStream } from "../streams/index.ts";
import { getPublicProfiles } from "../users/index.ts";
import { moderationActions, reports, type ModerationAction, type Report } from "./moderation.schema.ts";

// The column is text; a value from before the enum was narrowed reads as OTHER.
const reasonSchema = z.enum(REPORT_REASONS).catch("OTHER");

function summary(r: Report, names: Map<string, { displayName: string }>): ReportSummary {
  return {
    id: r.id,
    reporterId: r.reporterId,
    reporterName: names.get(r.reporterId)?.displayName ?? null,
    targetType: r.targetType,
    targetId: r.targetId,
    reason: reasonSchema.parse(r.reason),
    description: r.details,
    status: r.status,
    reviewNote: r.reviewNote,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

export function historyItem(a: ModerationAction, names: Map<string, { displayName: string }>): ModerationHistoryItem {
  return {
    id: a.id,
    action: a.action,
    targetType: a.targetType,
    targetId: a.targetId,
    reason: a.reason,
    actorName: names.get(a.actorId)?.displayName ?? null,
    channelId: a.channelId,
    expiresAt: a.expiresAt?.toISOString() ?? null,
    revokedAt: a.revokedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}

/** Past actions against a target or against its owner, newest first. */
export async function listPastViolations(
  db: DbOrTx,
  target: { targetType: Report["targetType"]; targetId: string; ownerId: string | null },
  limit = 50,
): Promise<ModerationAction[]> {
  const onTarget = and(
    eq(moderationActions.targetType, target.targetType),
    eq(moderationActions.targetId, target.targetId),
  );
  return db
    .select()
    .from(moderationActions)
    .where(
      and(
        sql`${moderationActions.action} <> 'CLEAR'`,
        target.ownerId ? or(onTarget, eq(moderationActions.subjectUserId, target.ownerId)) : onTarget,
      ),
    )
    .orderBy(desc(moderationActions.createdAt))
    .limit(limit);
}

/**
 * One report in context, for its review: the message with 5 before and after it, the stream, the
 * target's owner, every report on the same target, the reporter's record and the past violations.
 */
export async function getReportDetail(db: DbOrTx, reportId: string): Promise<ReportDetail> {
  const [report] = await db.select().from(reports).where(eq(reports.id, reportId));
  if (!report) throw notFound("Report");

  const around = report.targetType === "MESSAGE" ? await listMessagesAround(db, report.targetId, 5) : null;
  const streamId =
    report.targetType === "STREAM"
      ? report.targetId
      : report.targetType === "MESSAGE"
        ? around?.message.streamId
        : null;
  const stream = streamId ? await findStream(db, streamId) : undefined;
  const ownerId =
    report.targetOwnerId ??
    (report.targetType === "USER"
      ? report.targetId
      : report.targetType === "MESSAGE"
        ? (around?.message.userId ?? null)
        : (stream?.creatorId ?? null));

  const onTarget = await db
    .select()
    .from(reports)
    .where(and(eq(reports.targetType, report.targetType), eq(reports.targetId, report.targetId)))
    .orderBy(desc(reports.createdAt))
    .limit(100);
  const byReporter = await db
    .select()
    .from(reports)
    .where(eq(reports.reporterId, report.reporterId))
    .orderBy(desc(reports.createdAt))
    .limit(20);
  const [counts] = await db
    .select({
      total: sql<number>`count(*)::int`,
      resolved: sql<number>`(count(*) filter (where ${reports.status} = 'RESOLVED'))::int`,
      dismissed: sql<number>`(count(*) filter (where ${reports.status} = 'DISMISSED'))::int`,
    })
    .from(reports)
    .where(eq(reports.reporterId, report.reporterId));
  const violations = await listPastViolations(db, {
    targetType: report.targetType,
    targetId: report.targetId,
    ownerId,
  });

  const contextMessages = around ? [...around.before, around.message, ...around.after] : [];
  const names = await getPublicProfiles(db, [
    ...onTarget.map((r) => r.reporterId),
    ...byReporter.map((r) => r.reporterId),
    ...violations.map((v) => v.actorId),
    ...contextMessages.map((m) => m.userId),
    ...(ownerId ? [ownerId] : []),
    ...(stream ? [stream.creatorId] : []),
  ]);
  const shapeMessage = (m: (typeof contextMessages)[number]) => ({
    id: m.id,
    userId: m.userId,
    displayName: names.get(m.userId)?.displayName ?? "Former user",
    text: m.text,
    createdAt: m.createdAt.toISOString(),
    deleted: m.deleted,
  });
  const owner = ownerId ? names.get(ownerId) : undefined;

  return {
    report: summary(report, names),
    reportsOnTarget: onTarget.map((r) => summary(r, names)),
    target: {
      message: around ? shapeMessage(around.message) : null,
      before: around ? around.before.map(shapeMessage) : [],
      after: around ? around.after.map(shapeMessage) : [],
      stream: stream
        ? {
            id: stream.id,
            title: stream.title,
            status: stream.status,
            creatorId: stream.creatorId,
            creatorName: names.get(stream.creatorId)?.displayName ?? null,
          }
        : null,
      user:
        ownerId && owner
          ? { id: ownerId, displayName: owner.displayName, avatarUrl: owner.avatarUrl, role: owner.role }
          : null,
    },
    reporterHistory: {
      total: counts?.total ?? 0,
      resolved: counts?.resolved ?? 0,
      dismissed: counts?.dismissed ?? 0,
      recent: byReporter.filter((r) => r.id !== report.id).map((r) => summary(r, names)),
    },
    pastViolations: violations.map((v) => historyItem(v, names)),
  };
}
