import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import {
  APPEAL_STATUSES,
  MODERATION_ACTION_TYPES,
  MODERATION_TARGET_TYPES,
  REPORT_STATUSES,
} from "../../contracts/moderation.ts";
import { createdAt, id } from "../platform/db/columns.ts";
import { streams } from "../streams/streams.schema.ts";
import { users } from "../users/users.schema.ts";

export const moderationTargetEnum = pgEnum("moderation_target_type", MODERATION_TARGET_TYPES);
export const moderationActionEnum = pgEnum("moderation_action_type", MODERATION_ACTION_TYPES);
export const reportStatusEnum = pgEnum("report_status", REPORT_STATUSES);
export const appealStatusEnum = pgEnum("appeal_status", APPEAL_STATUSES);

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
    /** The stream the action was taken in, for context. */
    streamId: uuid("stream_id").references(() => streams.id, { onDelete: "set null" }),
    /**
     * Whose chat a MUTE or BAN applies to: the creator's channel (every stream of theirs), or
     * null for the whole platform (moderators and admins only).
     */
    channelId: uuid("channel_id").references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /** Lifted early (unban, unmute); an action is never deleted. */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedById: uuid("revoked_by_id").references(() => users.id, { onDelete: "set null" }),
    /** Whose conduct the action concerns (the banned user, a deleted message's author, a removed stream's creator). */
    subjectUserId: uuid("subject_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("moderation_action_target_idx").on(t.targetType, t.targetId),
    index("moderation_action_stream_idx").on(t.streamId, t.createdAt),
    index("moderation_action_subject_idx").on(t.subjectUserId, t.createdAt),
  ],
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
    /** Who the target belongs to (a message's author, a stream's creator, the user), read when it was filed. */
    targetOwnerId: uuid("target_owner_id").references(() => users.id, { onDelete: "set null" }),
    reviewNote: text("review_note"),
    /** The action the review took, if any. */
    moderationActionId: uuid("moderation_action_id").references(() => moderationActions.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("report_status_created_idx").on(t.status, t.createdAt),
    index("report_target_idx").on(t.targetType, t.targetId),
    index("report_reporter_idx").on(t.reporterId, t.createdAt),
    // One open report per reporter and target: a second one merges into it.
    uniqueIndex("report_open_reporter_target_uq")
      .on(t.reporterId, t.targetType, t.targetId)
      .where(sql`status = 'OPEN'`),
  ],
);

/** One appeal per moderation action, by the user it concerns. */
export const appeals = pgTable(
  "appeal",
  {
    id: id(),
    moderationActionId: uuid("moderation_action_id")
      .notNull()
      .references(() => moderationActions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    message: text("message").notNull(),
    status: appealStatusEnum("status").notNull().default("PENDING"),
    resolvedById: uuid("resolved_by_id").references(() => users.id, { onDelete: "set null" }),
    resolutionNote: text("resolution_note"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("appeal_moderation_action_uq").on(t.moderationActionId),
    index("appeal_status_created_idx").on(t.status, t.createdAt),
    check("appeal_message_length", sql`char_length(${t.message}) BETWEEN 1 AND 1000`),
  ],
);

/** When moderators were last emailed about reports on a target: at most one mail per target per hour. */
export const reportAlerts = pgTable(
  "report_alert",
  {
    targetType: moderationTargetEnum("target_type").notNull(),
    targetId: text("target_id").notNull(),
    emailedAt: timestamp("emailed_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.targetType, t.targetId] })],
);

export type ModerationAction = typeof moderationActions.$inferSelect;
export type Appeal = typeof appeals.$inferSelect;
export type Report = typeof reports.$inferSelect;
