import { Hono, type Context } from "hono";
import { z } from "zod";
import {
  createReportSchema,
  reportQueueQuerySchema,
  reviewReportSchema,
  type CreateReportInput,
} from "../../contracts/moderation.ts";
import { currentUser, requireAuth, requireRole, ROLE_ACCESS } from "../auth/index.ts";
import { findChatMessage } from "../chat/index.ts";
import { appUrl } from "../platform/app-url.ts";
import { createEmailSender } from "../platform/email/email-sender.ts";
import { notFound } from "../platform/errors.ts";
import { clientIp, enforceRateLimits, LIMITS } from "../platform/rate-limit.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { meteringHooks } from "../metering/index.ts";
import { findStream, liveKitFromConfig, takedownStream } from "../streams/index.ts";
import { findUserById } from "../users/index.ts";
import { checkStreamRestricted, streamRestrictedError } from "./check-stream-restricted.ts";
import { createReport } from "./create-report.ts";
import { deliverToChats } from "./deliver-to-chats.ts";
import { getReportDetail } from "./get-report-detail.ts";
import { listReportQueue } from "./list-report-queue.ts";
import { notifyModeratorsOfReport } from "./notify-moderators.ts";
import { reviewReport } from "./review-report.ts";

const idParam = z.object({ id: z.uuid("The report id must be a UUID") });

/** The target, its owner (author, creator, the user) and the stream it belongs to; null if it does not exist. */
async function findTarget(
  c: Context<AppEnv>,
  input: CreateReportInput,
): Promise<{ ownerId: string; stream: { creatorId: string; status: string } | null } | null> {
  switch (input.targetType) {
    case "MESSAGE": {
      const message = await findChatMessage(c.var.db, input.targetId);
      if (!message) return null;
      return { ownerId: message.userId, stream: (await findStream(c.var.db, message.streamId)) ?? null };
    }
    case "STREAM": {
      const stream = await findStream(c.var.db, input.targetId);
      return stream ? { ownerId: stream.creatorId, stream } : null;
    }
    case "USER":
      return (await findUserById(c.var.db, input.targetId)) ? { ownerId: input.targetId, stream: null } : null;
  }
}

/**
 * /api/reports: viewers flag a message, a stream or a user; moderators and admins work the
 * queue (grouped per target, by priority), read a report in context and review it.
 */
export const reportsRoutes = new Hono<AppEnv>()
  .post("/", requireAuth(), validate("json", createReportSchema), async (c) => {
    const user = currentUser(c);
    await enforceRateLimits(c, [[`report:user:${user.id}`, LIMITS.reportAccount]]);
    const input = c.req.valid("json");
    const target = await findTarget(c, input);
    if (!target) throw notFound("Report target");
    if (target.stream) {
      const restricted = await checkStreamRestricted(c.var.db, { stream: target.stream, userId: user.id });
      // A stream that has ended can still be reported; a removed one is dealt with already.
      if (restricted && restricted.reason !== "ENDED") throw streamRestrictedError(restricted);
    }
    const report = await createReport(c.var.db, user.id, input, target.ownerId);
    if (report.created) {
      try {
        await notifyModeratorsOfReport(c.var.db, report, {
          email: createEmailSender(c.var.config, c.var.db),
          appUrl: appUrl(c),
        });
      } catch (error) {
        // The report is filed; the queue shows it even if the mail did not go out.
        c.var.logger.error("report notification failed", { error, reportId: report.id });
      }
    }
    return c.json(report, report.created ? 201 : 200);
  })
  .get("/list", requireRole(ROLE_ACCESS.moderation), validate("query", reportQueueQuerySchema), async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await listReportQueue(c.var.db, c.req.valid("query")), 200);
  })
  .get("/:id", requireRole(ROLE_ACCESS.moderation), validate("param", idParam), async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await getReportDetail(c.var.db, c.req.valid("param").id), 200);
  })
  .patch(
    "/:id/review",
    requireRole(ROLE_ACCESS.moderation),
    validate("param", idParam),
    validate("json", reviewReportSchema),
    async (c) => {
      const user = currentUser(c);
      const { delivery, ...result } = await reviewReport(
        c.var.db,
        { reportId: c.req.valid("param").id, actor: user, review: c.req.valid("json"), ip: clientIp(c) },
        {
          // The streams domain's takedown, the one the admin streams page uses.
          takedownStream: (db, input) =>
            takedownStream(
              db,
              { ...input, ip: clientIp(c) },
              { livekit: liveKitFromConfig(c.var.config), ...meteringHooks(c) },
            ),
        },
      );
      if (delivery?.streamId) {
        await deliverToChats(c.env, c.var.logger, {
          streamIds: [delivery.streamId],
          effect: delivery.effect,
          refreshUserId: delivery.refreshUserId,
        });
      }
      return c.json(result, 200);
    },
  );
