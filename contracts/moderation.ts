import { z } from "zod";

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
