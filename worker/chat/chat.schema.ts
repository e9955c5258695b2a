import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "../platform/db/columns.ts";
import { streams } from "../streams/streams.schema.ts";
import { users } from "../users/users.schema.ts";

export const chatMessages = pgTable(
  "chat_message",
  {
    /** Chosen by the StreamChat object when it accepts the message: the write-behind insert is idempotent on it. */
    id: id(),
    streamId: uuid("stream_id")
      .notNull()
      .references(() => streams.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    message: text("message").notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("chat_message_stream_created_idx").on(t.streamId, t.createdAt, t.id),
    index("chat_message_user_idx").on(t.userId, t.createdAt),
  ],
);

/** The creator's chat modes for one stream (absent row = the defaults). */
export const chatModes = pgTable("chat_mode", {
  streamId: uuid("stream_id")
    .primaryKey()
    .references(() => streams.id, { onDelete: "cascade" }),
  slowModeSeconds: integer("slow_mode_seconds").notNull().default(0),
  followersOnly: boolean("followers_only").notNull().default(false),
  creditOnly: boolean("credit_only").notNull().default(true),
  updatedAt: updatedAt(),
});

/** The admin's auto-moderation settings: one row (id = 1). */
export const chatSettings = pgTable(
  "chat_setting",
  {
    id: integer("id").primaryKey().default(1),
    profanity: text("profanity").notNull().default("mask"),
    spamBlocking: boolean("spam_blocking").notNull().default(true),
    linkBlocking: boolean("link_blocking").notNull().default(true),
    allowedDomains: text("allowed_domains")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    customWords: text("custom_words")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    updatedById: uuid("updated_by_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [check("chat_setting_singleton", sql`${t.id} = 1`)],
);

export type ChatMessage = typeof chatMessages.$inferSelect;
