import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { categories } from "../categories/categories.schema.ts";
import { createdAt, id, updatedAt } from "../platform/db/columns.ts";
import { users } from "../users/users.schema.ts";
import { STREAM_SESSION_STATUSES, STREAM_STATUSES } from "../../contracts/streams.ts";

export const streamStatusEnum = pgEnum("stream_status", STREAM_STATUSES);
export const streamSessionStatusEnum = pgEnum("stream_session_status", STREAM_SESSION_STATUSES);

export const streams = pgTable(
  "stream",
  {
    id: id(),
    creatorId: uuid("creator_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    categoryId: uuid("category_id").references(() => categories.id, { onDelete: "set null" }),
    status: streamStatusEnum("status").notNull().default("SCHEDULED"),
    ingestUrl: text("ingest_url"),
    playbackUrl: text("playback_url"),
    thumbnailUrl: text("thumbnail_url"),
    /** Metering rate in millicredits per minute (6000 = 1 credit per 10 s). */
    ratePerMinute: bigint("rate_per_minute", { mode: "bigint" })
      .notNull()
      .default(sql`6000`),
    /** Viewers with an active paid session; kept by the metering domain on session start and end. */
    viewerCount: integer("viewer_count").notNull().default(0),
    /** Premium multiplier on the metering rate, basis points (10000 = 1×). */
    premiumMultiplierBps: integer("premium_multiplier_bps").notNull().default(10_000),
    /** Bumped to rotate the WHIP token: a publisher joining with an older version is removed. */
    ingestKeyVersion: integer("ingest_key_version").notNull().default(1),
    startedAt: timestamp("started_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("stream_status_started_idx").on(t.status, t.startedAt),
    index("stream_creator_idx").on(t.creatorId),
    index("stream_category_idx").on(t.categoryId),
    // Typo-tolerant discovery search (pg_trgm: `<%`, ILIKE '%…%').
    index("stream_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
  ],
);

export const streamSessions = pgTable(
  "stream_session",
  {
    id: id(),
    streamId: uuid("stream_id")
      .notNull()
      .references(() => streams.id, { onDelete: "cascade" }),
    status: streamSessionStatusEnum("status").notNull().default("STARTING"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [index("stream_session_stream_idx").on(t.streamId)],
);

/** LiveKit webhook deliveries already handled: LiveKit may deliver one twice. */
export const livekitWebhookEvents = pgTable("livekit_webhook_event", {
  eventId: text("event_id").primaryKey(),
  event: text("event").notNull(),
  roomName: text("room_name"),
  createdAt: createdAt(),
});

export type Stream = typeof streams.$inferSelect;
export type StreamSession = typeof streamSessions.$inferSelect;
