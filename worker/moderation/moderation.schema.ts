import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { MODERATION_ACTION_TYPES, MODERATION_TARGET_TYPES, REPORT_STATUSES } from "../../contracts/moderation.ts";
import { createdAt, id } from "../platform/db/columns.ts";
import { streams } from "../streams/streams.schema.ts";
import { users } from "../users/users.schema.ts";

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
    createdAt: createdAt(),
  },
  (t) => [
    index("moderation_action_target_idx").on(t.targetType, t.targetId),
    index("moderation_action_stream_idx").on(t.streamId, t.createdAt),
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
    createdAt: createdAt(),
  },
  (t) => [
    index("report_status_created_idx").on(t.status, t.createdAt),
    // One open report per reporter and target: a second one merges into it.
    uniqueIndex("report_open_reporter_target_uq")
      .on(t.reporterId, t.targetType, t.targetId)
      .where(sql`status = 'OPEN'`),
  ],
);

export type ModerationAction = typeof moderationActions.$inferSelect;
export type Report = typeof reports.$inferSelect;
