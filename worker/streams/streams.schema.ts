import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
    /** The creator's tags: at most 10, lower-cased, 1–24 characters each (contracts/streams.ts). */
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    startedAt: timestamp("started_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** Removed from the creator's list; kept because viewing sessions and the ledger point at it. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("stream_status_started_idx").on(t.status, t.startedAt),
    index("stream_creator_idx").on(t.creatorId),
    // The stream manager's list: one creator's streams, newest first, deleted ones left out.
    index("stream_creator_created_idx")
      .on(t.creatorId, t.createdAt)
      .where(sql`${t.deletedAt} IS NULL`),
    check("stream_tags_max", sql`cardinality(${t.tags}) <= 10`),
    index("stream_category_idx").on(t.categoryId),
    // Typo-tolerant discovery search (pg_trgm: `<%`, ILIKE '%…%').
    index("stream_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
    // Discovery's order (stream-order.ts: live first, then viewers, newest), in all and per category:
    // a page reads its first rows off the index instead of sorting every stream (migration 0011).
    // DESC is NULLS FIRST, as in the queries' ORDER BY.
    index("stream_discover_order_idx").on(
      sql`(case ${t.status} when 'LIVE' then 0 when 'PAUSED' then 1 when 'SCHEDULED' then 2 else 3 end)`,
      t.viewerCount.desc().nullsFirst(),
      sql`(coalesce(${t.startedAt}, ${t.createdAt})) desc`,
      t.id.desc().nullsFirst(),
    ),
    index("stream_category_order_idx").on(
      t.categoryId,
      sql`(case ${t.status} when 'LIVE' then 0 when 'PAUSED' then 1 when 'SCHEDULED' then 2 else 3 end)`,
      t.viewerCount.desc().nullsFirst(),
      sql`(coalesce(${t.startedAt}, ${t.createdAt})) desc`,
      t.id.desc().nullsFirst(),
    ),
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
