import { sql } from "drizzle-orm";
import { boolean, check, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { EMAIL_FREQUENCIES, NOTIFICATION_TYPES, type StoredPreferences } from "../../contracts/notifications.ts";
import { createdAt, id } from "../platform/db/columns.ts";
import { users } from "../users/users.schema.ts";

export const notificationTypeEnum = pgEnum("notification_type", NOTIFICATION_TYPES);
export type NotificationType = (typeof notificationTypeEnum.enumValues)[number];

export const notifications = pgTable(
  "notification",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: notificationTypeEnum("type").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    /** A path inside the app the notification opens (deep link). */
    link: text("link"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    /** Names the event: a trigger delivered twice conflicts here and books nothing. */
    dedupeKey: text("dedupe_key"),
    /** False when the user turned in-app off for this type but still gets it by email digest. */
    inApp: boolean("in_app").notNull().default(true),
    /** An email the user's preferences asked for has not gone out yet (instant or digest). */
    emailPending: boolean("email_pending").notNull().default(false),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("notification_user_created_idx").on(t.userId, t.createdAt),
    uniqueIndex("notification_user_dedupe_uq").on(t.userId, t.dedupeKey),
    index("notification_user_unread_idx")
      .on(t.userId, t.createdAt)
      .where(sql`read_at IS NULL AND in_app`),
    index("notification_email_pending_idx")
      .on(t.userId, t.createdAt)
      .where(sql`email_pending`),
  ],
);

export const notificationPreferences = pgTable(
  "notification_preference",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Only what the user changed; defaults fill the rest (contracts/notifications.ts). */
    preferences: jsonb("preferences").$type<StoredPreferences>().notNull().default({}),
    emailFrequency: text("email_frequency", { enum: EMAIL_FREQUENCIES }).notNull().default("instant"),
    digestSentAt: timestamp("digest_sent_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("notification_preference_email_frequency_check", sql`${t.emailFrequency} IN ('instant', 'daily')`)],
);

export type Notification = typeof notifications.$inferSelect;
