import { and, eq } from "drizzle-orm";
import type { RoleName } from "../../contracts/auth.ts";
import type { ReviewReportInput, ReviewResult } from "../../contracts/moderation.ts";
import { applyModeration, findChatMessage, type ChatEffect, type ModerationStep } from "../chat/index.ts";
import { createNotifications } from "../notifications/index.ts";
import { writeAuditLog } from "../platform/audit/write-audit-log.ts";
import type { Db } from "../platform/db/client.ts";
import { AppError, conflict, notFound } from "../platform/errors.ts";
import { findStream } from "../streams/index.ts";
import { getPublicProfiles } from "../users/index.ts";
import { reports } from "./moderation.schema.ts";

/** Takes a stream down (the streams domain's use-case, handed in so this one does not own it). */
export type TakedownStream = (
  db: Db,
  input: { streamId: string; actorId: string; reason: string },
) => Promise<{ moderationActionId: string | null }>;

export interface ReviewReportDeps {
  takedownStream?: TakedownStream;
  now?: Date;
}

/** What the chat objects must learn after the commit. */
export interface ChatDelivery {
  streamId: string | null;
  effect: ChatEffect | null;
  refreshUserId: string | null;
}

const STAFF: readonly RoleName[] = ["ADMIN", "MODERATOR"];
const REVIEW_TITLE = "Your report was reviewed";

function outcomeText(status: "RESOLVED" | "DISMISSED", action: string): string {
  if (status === "DISMISSED")
    return "A moderator reviewed your report and found no rule broken. Thank you for flagging it.";
  return action === "NONE"
    ? "A moderator reviewed your report and agreed with it. Thank you for flagging it."
    : `A moderator reviewed your report and took action (${action.toLowerCase()}). Thank you for flagging it.`;
}

/**
 * PATCH /api/reports/:id/review: APPROVE (optionally with an action against the target, taken
 * through the same path the chat's moderators use) or REJECT. Every open report on the same
 * target is closed with it, each reporter is told the outcome, and the review is audited.
 */
export async function reviewReport(
  db: Db,
  input: { reportId: string; actor: { id: string; role: RoleName }; review: ReviewReportInput; ip?: string | null },
  deps: ReviewReportDeps = {},
): Promise<ReviewResult & { delivery: ChatDelivery | null }> {
  const { actor, review } = input;
  const now = deps.now ?? new Date();
  const [report] = await db.select().from(reports).where(eq(reports.id, input.reportId));
  if (!report) throw notFound("Report");
  if (report.status !== "OPEN") throw conflict("REPORT_ALREADY_REVIEWED", "This report has already been reviewed");

  const type = review.action === "REJECT" ? "NONE" : (review.moderationAction?.type ?? "NONE");
  const scope = review.moderationAction?.scope ?? "channel";
  const note = review.note ?? null;
  const reason = note ?? `Report: ${report.reason.toLowerCase()}`;
  const expiresAt = review.moderationAction?.durationSeconds
    ? new Date(now.getTime() + review.moderationAction.durationSeconds * 1000)
    : null;

  // Who and where the action lands: a message's author in its stream's channel, a stream's
  // creator, or the user; a user or stream target has no channel in context, so it is platform-wide.
  let streamId: string | null = null;
  let channelId: string | null = null;
  let subjectId: string | null = null;
  let messageId: string | null = null;
  if (report.targetType === "MESSAGE") {
    const message = await findChatMessage(db, report.targetId);
    if (!message) throw notFound("Reported message");
    const stream = await findStream(db, message.streamId);
    if (!stream) throw notFound("Stream");
    streamId = stream.id;
    channelId = scope === "channel" ? stream.creatorId : null;
    subjectId = message.userId;
    messageId = message.id;
  } else if (report.targetType === "STREAM") {
    const stream = await findStream(db, report.targetId);
    if (!stream) throw notFound("Reported stream");
    streamId = stream.id;
    subjectId = stream.creatorId;
  } else {
    subjectId = report.targetId;
  }

  let step: ModerationStep | null = null;
  switch (type) {
    case "NONE":
    case "TAKEDOWN":
      break;
    case "DELETE":
      if (!messageId || !streamId) {
        throw new AppError("ACTION_NOT_APPLICABLE", 400, "Only a reported message can be deleted");
      }
      step = { kind: "delete", streamId, messageId, authorId: subjectId };
      break;
    case "WARN":
      step = { kind: "warn", userId: subjectId ?? "", streamId };
      break;
    case "MUTE":
    case "BAN":
      step = { kind: type === "MUTE" ? "mute" : "ban", userId: subjectId ?? "", channelId, streamId, expiresAt };
      break;
  }
  if (type === "TAKEDOWN" && (!streamId || report.targetType === "USER")) {
    throw new AppError("ACTION_NOT_APPLICABLE", 400, "Only a reported stream or message's stream can be taken down");
  }
  if (
    step &&
    (step.kind === "ban" || step.kind === "mute") &&
    step.channelId !== null &&
    step.channelId === subjectId
  ) {
    throw new AppError(
      "ACTION_NOT_APPLICABLE",
      400,
      "A creator cannot be banned or muted in their own channel; choose the whole platform",
    );
  }
  if (step && step.kind !== "delete" && subjectId) {
    if (subjectId === actor.id) throw new AppError("CANNOT_MODERATE_SELF", 400, "You cannot moderate yourself");
    const subject = (await getPublicProfiles(db, [subjectId])).get(subjectId);
    if (!subject) throw notFound("User");
    if (STAFF.includes(subject.role) && actor.role !== "ADMIN") {
      throw new AppError("CANNOT_MODERATE_STAFF", 403, "Only an admin can act against staff");
    }
  }

  let takedownActionId: string | null = null;
  if (type === "TAKEDOWN" && streamId) {
    if (!deps.takedownStream) throw new AppError("SERVICE_UNAVAILABLE", 503, "Takedown is not available yet");
    takedownActionId = (await deps.takedownStream(db, { streamId, actorId: actor.id, reason })).moderationActionId;
  }

  const status = review.action === "APPROVE" ? "RESOLVED" : "DISMISSED";
  return db.transaction(async (tx) => {
    const applied = step
      ? await applyModeration(tx, step, {
          reason,
          actorId: actor.id,
          ip: input.ip ?? null,
          metadata: { reportId: report.id, via: "report_review" },
        })
      : null;
    const actionId = applied?.row.id ?? takedownActionId;
    const closed = await tx
      .update(reports)
      .set({ status, resolvedById: actor.id, resolvedAt: now, reviewNote: note, moderationActionId: actionId })
      .where(
        and(
          eq(reports.targetType, report.targetType),
          eq(reports.targetId, report.targetId),
          eq(reports.status, "OPEN"),
        ),
      )
      .returning({ id: reports.id, reporterId: reports.reporterId });
    if (!closed.some((r) => r.id === report.id)) {
      // Another moderator closed it between our read and this write.
      throw conflict("REPORT_ALREADY_REVIEWED", "This report has already been reviewed");
    }
    await writeAuditLog(tx, {
      actorId: actor.id,
      action: status === "RESOLVED" ? "moderation.report_approved" : "moderation.report_rejected",
      targetType: "REPORT",
      targetId: report.id,
      metadata: {
        targetType: report.targetType,
        targetId: report.targetId,
        resolvedReportIds: closed.map((r) => r.id),
        moderationAction: type,
        moderationActionId: actionId,
        note,
      },
      ip: input.ip ?? null,
    });
    const reporters = [...new Set(closed.map((r) => r.reporterId))];
    const notified = await createNotifications(
      tx,
      reporters.map((userId) => ({
        userId,
        type: "REPORT_OUTCOME" as const,
        title: REVIEW_TITLE,
        body: outcomeText(status, type),
        dedupeKey: `report-outcome:${report.id}`,
      })),
    );
    return {
      reportId: report.id,
      status,
      resolvedReports: closed.length,
      moderationActionId: actionId,
      notifiedReporters: notified,
      delivery: applied
        ? {
            streamId,
            effect: applied.effect,
            refreshUserId: applied.effect ? null : subjectId,
          }
        : null,
    };
  });
}
