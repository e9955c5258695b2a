import { z } from "zod";
import { autoModSettingsSchema } from "./chat.ts";

/** Values of the moderation enums (the tables import these). */
export const MODERATION_TARGET_TYPES = ["USER", "STREAM", "MESSAGE"] as const;
export const MODERATION_ACTION_TYPES = ["MUTE", "BAN", "DELETE", "WARN", "CLEAR", "TAKEDOWN"] as const;
export type ModerationActionType = (typeof MODERATION_ACTION_TYPES)[number];
export const REPORT_STATUSES = ["OPEN", "RESOLVED", "DISMISSED"] as const;
export const REPORT_REASONS = ["SPAM", "HARASSMENT", "INAPPROPRIATE", "COPYRIGHT", "OTHER"] as const;

/** POST /api/reports: one report per reporter and target; a second one is merged into the first. */
export const createReportSchema = z.object({
  targetType: z.enum(MODERATION_TARGET_TYPES),
  targetId: z.uuid("The target id must be a UUID"),
  reason: z.enum(REPORT_REASONS),
  description: z.string().trim().max(1000).optional(),
});
export type CreateReportInput = z.infer<typeof createReportSchema>;

export const reportDtoSchema = z.object({
  id: z.string(),
  targetType: z.enum(MODERATION_TARGET_TYPES),
  targetId: z.string(),
  reason: z.enum(REPORT_REASONS),
  status: z.enum(REPORT_STATUSES),
  createdAt: z.string(),
  /** False when this reporter had already reported the target: the report was merged. */
  created: z.boolean(),
});
export type ReportDto = z.infer<typeof reportDtoSchema>;

// ---- review queue (moderators and admins) ----

export const APPEAL_STATUSES = ["PENDING", "UPHELD", "LIFTED"] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
/** The queue's tabs: PENDING = reports still OPEN; REVIEWED = RESOLVED or DISMISSED. */
export const QUEUE_STATUSES = ["PENDING", "REVIEWED", "ALL"] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/**
 * The queue's order: open reports on a target plus its owner's past violations, weighted.
 * A target reported by many, or by a few against a repeat offender, comes first.
 */
export const PRIORITY_WEIGHTS = { openReport: 1, pastViolation: 2 } as const;
export function reportPriority(openReports: number, pastViolations: number): number {
  return openReports * PRIORITY_WEIGHTS.openReport + pastViolations * PRIORITY_WEIGHTS.pastViolation;
}

const isoDateOrTime = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

export const reportQueueQuerySchema = z
  .object({
    status: z.enum(QUEUE_STATUSES).default("PENDING"),
    targetType: z.enum(MODERATION_TARGET_TYPES).optional(),
    reporterId: z.uuid("The reporter id must be a UUID").optional(),
    /** Reports filed at or after this instant (a date means its start, UTC). */
    from: isoDateOrTime.optional(),
    /** Reports filed before this instant (a date means the end of that day, UTC). */
    to: isoDateOrTime.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] });
export type ReportQueueQuery = z.infer<typeof reportQueueQuerySchema>;

export const reportQueueItemSchema = z.object({
  /** The oldest report of the group that matched the filters: the review page opens it. */
  reportId: z.string(),
  targetType: z.enum(MODERATION_TARGET_TYPES),
  targetId: z.string(),
  /** A message's text, a stream's title or a user's name. */
  targetLabel: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  reports: z.number().int(),
  openReports: z.number().int(),
  reasons: z.array(z.enum(REPORT_REASONS)),
  firstReportedAt: z.string(),
  lastReportedAt: z.string(),
  /** Actions taken before against the target or its owner. */
  pastViolations: z.number().int(),
  priority: z.number(),
  status: z.enum(["PENDING", "REVIEWED"]),
});
export type ReportQueueItem = z.infer<typeof reportQueueItemSchema>;

export const reportQueueSchema = z.object({
  items: z.array(reportQueueItemSchema),
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
});
export type ReportQueue = z.infer<typeof reportQueueSchema>;

// ---- one report in context ----

export const moderationHistoryItemSchema = z.object({
  id: z.string(),
  action: z.enum(MODERATION_ACTION_TYPES),
  targetType: z.enum(MODERATION_TARGET_TYPES),
  targetId: z.string(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  channelId: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ModerationHistoryItem = z.infer<typeof moderationHistoryItemSchema>;

export const contextMessageSchema = z.object({
  id: z.string(),
  userId: z.string(),
  displayName: z.string(),
  text: z.string(),
  createdAt: z.string(),
  deleted: z.boolean(),
});
export type ContextMessage = z.infer<typeof contextMessageSchema>;

export const reportSummarySchema = z.object({
  id: z.string(),
  reporterId: z.string(),
  reporterName: z.string().nullable(),
  targetType: z.enum(MODERATION_TARGET_TYPES),
  targetId: z.string(),
  reason: z.enum(REPORT_REASONS),
  description: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  reviewNote: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const reportDetailSchema = z.object({
  report: reportSummarySchema,
  /** Every report on the same target, newest first. */
  reportsOnTarget: z.array(reportSummarySchema),
  target: z.object({
    message: contextMessageSchema.nullable(),
    /** Up to 5 messages before and 5 after it in the same stream, oldest first. */
    before: z.array(contextMessageSchema),
    after: z.array(contextMessageSchema),
    stream: z
      .object({
        id: z.string(),
        title: z.string(),
        status: z.string(),
        creatorId: z.string(),
        creatorName: z.string().nullable(),
      })
      .nullable(),
    user: z
      .object({
        id: z.string(),
        displayName: z.string(),
        avatarUrl: z.string().nullable(),
        role: z.string(),
      })
      .nullable(),
  }),
  reporterHistory: z.object({
    total: z.number().int(),
    resolved: z.number().int(),
    dismissed: z.number().int(),
    recent: z.array(reportSummarySchema),
  }),
  pastViolations: z.array(moderationHistoryItemSchema),
});
export type ReportDetail = z.infer<typeof reportDetailSchema>;

// ---- review ----

export const REVIEW_ACTION_TYPES = ["NONE", "WARN", "MUTE", "BAN", "DELETE", "TAKEDOWN"] as const;
export type ReviewActionType = (typeof REVIEW_ACTION_TYPES)[number];
export const MODERATION_SCOPES = ["channel", "platform"] as const;
/** The picker's durations for a mute or a ban; null = permanent. */
export const RESTRICTION_DURATIONS: readonly { label: string; seconds: number | null }[] = [
  { label: "10 minutes", seconds: 600 },
  { label: "1 hour", seconds: 3600 },
  { label: "24 hours", seconds: 86_400 },
  { label: "7 days", seconds: 604_800 },
  { label: "Permanent", seconds: null },
];
const MAX_RESTRICTION_SECONDS = 365 * 24 * 3600;

export const reviewReportSchema = z
  .object({
    action: z.enum(["APPROVE", "REJECT"]),
    note: z.string().trim().max(1000).optional(),
    moderationAction: z
      .object({
        type: z.enum(REVIEW_ACTION_TYPES),
        /** Mute and ban only; without one they are permanent. */
        durationSeconds: z.number().int().min(60).max(MAX_RESTRICTION_SECONDS).optional(),
        scope: z.enum(MODERATION_SCOPES).default("channel"),
      })
      .optional(),
  })
  .superRefine((v, ctx) => {
    const type = v.moderationAction?.type ?? "NONE";
    if (v.action === "REJECT" && type !== "NONE") {
      ctx.addIssue({ code: "custom", path: ["moderationAction"], message: "A rejected report takes no action" });
    }
    if (v.moderationAction?.durationSeconds !== undefined && type !== "MUTE" && type !== "BAN") {
      ctx.addIssue({
        code: "custom",
        path: ["moderationAction", "durationSeconds"],
        message: "Only a mute or a ban has a duration",
      });
    }
  });
export type ReviewReportInput = z.infer<typeof reviewReportSchema>;

export const reviewResultSchema = z.object({
  reportId: z.string(),
  status: z.enum(REPORT_STATUSES),
  /** Open reports on the same target this review closed, this one included. */
  resolvedReports: z.number().int(),
  moderationActionId: z.string().nullable(),
  notifiedReporters: z.number().int(),
});
export type ReviewResult = z.infer<typeof reviewResultSchema>;

// ---- bans ----

export const banListQuerySchema = z.object({
  scope: z.enum([...MODERATION_SCOPES, "all"]).default("all"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const banSchema = z.object({
  actionId: z.string(),
  userId: z.string(),
  displayName: z.string().nullable(),
  email: z.string().nullable(),
  reason: z.string().nullable(),
  actorId: z.string(),
  actorName: z.string().nullable(),
  scope: z.enum(MODERATION_SCOPES),
  channelId: z.string().nullable(),
  channelName: z.string().nullable(),
  /** Null: permanent. */
  expiresAt: z.string().nullable(),
  permanent: z.boolean(),
  createdAt: z.string(),
});
export type BanDto = z.infer<typeof banSchema>;
export const banListSchema = z.object({
  items: z.array(banSchema),
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
});
export type BanList = z.infer<typeof banListSchema>;

export const extendBanSchema = z
  .object({
    expiresAt: z.iso.datetime({ offset: true }).optional(),
    extendBySeconds: z.number().int().min(60).max(MAX_RESTRICTION_SECONDS).optional(),
  })
  .refine((v) => (v.expiresAt === undefined) !== (v.extendBySeconds === undefined), {
    message: "Give either expiresAt or extendBySeconds",
  });
export type ExtendBanInput = z.infer<typeof extendBanSchema>;

export const liftBanSchema = z.object({ reason: z.string().trim().max(500).optional() });

// ---- appeals ----

export const myModerationActionSchema = z.object({
  id: z.string(),
  action: z.enum(MODERATION_ACTION_TYPES),
  reason: z.string().nullable(),
  scope: z.enum(MODERATION_SCOPES),
  channelName: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** In force now (not expired, not lifted). */
  active: z.boolean(),
  createdAt: z.string(),
  appeal: z
    .object({ id: z.string(), status: z.enum(APPEAL_STATUSES), resolutionNote: z.string().nullable() })
    .nullable(),
});
export type MyModerationAction = z.infer<typeof myModerationActionSchema>;

export const createAppealSchema = z.object({
  moderationActionId: z.uuid("The action id must be a UUID"),
  message: z.string().trim().min(1, "Say why the action should be lifted").max(1000),
});
export type CreateAppealInput = z.infer<typeof createAppealSchema>;

export const appealSchema = z.object({
  id: z.string(),
  moderationActionId: z.string(),
  userId: z.string(),
  userName: z.string().nullable(),
  message: z.string(),
  status: z.enum(APPEAL_STATUSES),
  resolutionNote: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
  action: z.object({
    action: z.enum(MODERATION_ACTION_TYPES),
    reason: z.string().nullable(),
    scope: z.enum(MODERATION_SCOPES),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
  }),
});
export type AppealDto = z.infer<typeof appealSchema>;

export const appealListQuerySchema = z.object({
  status: z.enum([...APPEAL_STATUSES, "ALL"]).default("PENDING"),
});

export const decideAppealSchema = z.object({
  decision: z.enum(["UPHOLD", "LIFT"]),
  note: z.string().trim().max(1000).optional(),
});
export type DecideAppealInput = z.infer<typeof decideAppealSchema>;

// ---- auto-mod preview (POST /api/admin/chat-settings/preview) ----

export const autoModPreviewSchema = z.object({
  text: z.string().max(2000),
  settings: autoModSettingsSchema,
});
export const autoModPreviewResultSchema = z.union([
  z.object({ ok: z.literal(true), text: z.string() }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
]);
export type AutoModPreviewResult = z.infer<typeof autoModPreviewResultSchema>;
