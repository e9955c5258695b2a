import { Hono, type Context } from "hono";
import { createReportSchema, type CreateReportInput } from "../../contracts/moderation.ts";
import { currentUser, requireAuth } from "../auth/index.ts";
import { findChatMessage } from "../chat/index.ts";
import { notFound } from "../platform/errors.ts";
import { enforceRateLimits, LIMITS } from "../platform/rate-limit.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { findStream } from "../streams/index.ts";
import { findUserById } from "../users/index.ts";
import { createReport } from "./create-report.ts";

async function targetExists(c: Context<AppEnv>, input: CreateReportInput): Promise<boolean> {
  switch (input.targetType) {
    case "MESSAGE":
      return (await findChatMessage(c.var.db, input.targetId)) !== null;
    case "STREAM":
      return (await findStream(c.var.db, input.targetId)) !== null;
    case "USER":
      return (await findUserById(c.var.db, input.targetId)) !== undefined;
  }
}

/** /api/reports: viewers flag a message, a stream or a user; the review queue reads them. */
export const reportsRoutes = new Hono<AppEnv>().post(
  "/",
  requireAuth(),
  validate("json", createReportSchema),
  async (c) => {
    const user = currentUser(c);
    await enforceRateLimits(c, [[`report:user:${user.id}`, LIMITS.reportAccount]]);
    const input = c.req.valid("json");
    if (!(await targetExists(c, input))) throw notFound("Report target");
    const report = await createReport(c.var.db, user.id, input);
    return c.json(report, report.created ? 201 : 200);
  },
);
