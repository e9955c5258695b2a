import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { VIEWING_SESSION_STATUSES } from "../../contracts/metering.ts";
import { categories } from "../categories/categories.schema.ts";
import { createdAt, id, updatedAt } from "../platform/db/columns.ts";
import { streams } from "../streams/streams.schema.ts";
import { users } from "../users/users.schema.ts";
import { wallets } from "../wallet/wallet.schema.ts";

export const viewingSessionStatusEnum = pgEnum("viewing_session_status", VIEWING_SESSION_STATUSES);

/**
 * One paid viewing of one stream by one viewer: its LiveKit identity, its frozen rate and the
 * escrow account its ticks are debited into (settled to the creator and platform in batches).
 */
export const viewingSessions = pgTable(
  "viewing_session",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    streamId: uuid("stream_id")
      .notNull()
      .references(() => streams.id, { onDelete: "restrict" }),
    creatorId: uuid("creator_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    status: viewingSessionStatusEnum("status").notNull().default("ACTIVE"),
    /** LiveKit identity of this viewing (viewer:<id>). */
    identity: text("identity").notNull(),
    escrowWalletId: uuid("escrow_wallet_id")
      .notNull()
      .references(() => wallets.id, { onDelete: "restrict" }),
    /** Millicredits per minute, frozen when the session starts. */
    ratePerMinute: bigint("rate_per_minute", { mode: "bigint" }).notNull(),
    intervalMs: integer("interval_ms").notNull(),
    feeBps: integer("fee_bps").notNull(),
    endReason: text("end_reason"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("viewing_session_stream_status_idx").on(t.streamId, t.status),
    // One escrow account per session: a tick booked into another session's escrow is impossible.
    uniqueIndex("viewing_session_escrow_uq").on(t.escrowWalletId),
    index("viewing_session_user_started_idx").on(t.userId, t.startedAt),
    // The creator's unsettled escrows (GET /api/creator/earnings): active or recently ended.
    index("viewing_session_creator_ended_idx").on(t.creatorId, t.endedAt),
    index("viewing_session_active_started_idx")
      .on(t.startedAt)
      .where(sql`${t.status} = 'ACTIVE'`),
  ],
);

/** The platform-wide metering settings: a single row (id = 1). */
export const meteringSettings = pgTable(
  "metering_setting",
  {
    id: smallint("id").primaryKey().default(1),
    /** Millicredits per minute (6000 = 1 credit per 10 s). */
    defaultRatePerMinute: bigint("default_rate_per_minute", { mode: "bigint" })
      .notNull()
      .default(sql`6000`),
    /** Millicredits a viewer needs to start watching, on top of one interval's price. */
    minimumBalance: bigint("minimum_balance", { mode: "bigint" })
      .notNull()
      .default(sql`0`),
    updatedAt: updatedAt(),
  },
  (t) => [check("metering_setting_single_ck", sql`${t.id} = 1`)],
);

/** Per-category rate overrides, millicredits per minute. */
export const categoryMeteringRates = pgTable("category_metering_rate", {
  categoryId: uuid("category_id")
    .primaryKey()
    .references(() => categories.id, { onDelete: "cascade" }),
  ratePerMinute: bigint("rate_per_minute", { mode: "bigint" }).notNull(),
  updatedAt: updatedAt(),
});

export type ViewingSession = typeof viewingSessions.$inferSelect;
export type MeteringSetting = typeof meteringSettings.$inferSelect;
