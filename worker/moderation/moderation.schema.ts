import { index, pgTable, text, timestamp, uuid, pgEnum } from "drizzle-orm/pg-core";
import { createdAt, id } from "../platform/db/columns.ts";
import { users } from "../users/users.schema.ts";
import { MODERATION_ACTION_TYPES, MODERATION_TARGET_TYPES, REPORT_STATUSES } from "../../contracts/moderation.ts";

export const moderationTargetEnum = pgEnum("moderation_target_type", MODERATION_TARGET_TYPES);
export const moderationActionEnum = pgEnum("moderation_action_type", MODERATION_ACTION_TYPES);
export const reportStatusEnum = pgEnum("report_status", REPORT_STATUSES);

export const moderationActions = pgTable(
  "moderation_action",
  {
    id: id(),
    targetType: moderationTargetEnum("target_type").notNull(),
    targetId: text("target_id").notNull(),
    action: moderationActionEnum("action").notNull(),
    reason: text("reason"),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("moderation_action_target_idx").on(t.targetType, t.targetId)],
);

export const reports = pgTable(
  "report",
  {
    id: id(),
    reporterId: uuid("reporter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    targetType: moderationTargetEnum("target_type").notNull(),
    targetId: text("target_id").notNull(),
    reason: text("reason").notNull(),
    details: text("details"),
    status: reportStatusEnum("status").notNull().default("OPEN"),
    resolvedById: uuid("resolved_by_id").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("report_status_created_idx").on(t.status, t.createdAt)],
);

export type ModerationAction = typeof moderationActions.$inferSelect;
export type Report = typeof reports.$inferSelect;
