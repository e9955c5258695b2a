import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  pgEnum,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "../platform/db/columns.ts";
import { streams } from "../streams/streams.schema.ts";
import { users } from "../users/users.schema.ts";
import { paymentProviderEnum } from "../payments/payments.schema.ts";
import { LEDGER_ENTRY_TYPES, REFERENCE_TYPES, WALLET_KINDS } from "../../contracts/wallet.ts";

export const walletKindEnum = pgEnum("wallet_kind", WALLET_KINDS);
export const ledgerEntryTypeEnum = pgEnum("ledger_entry_type", LEDGER_ENTRY_TYPES);
export const referenceTypeEnum = pgEnum("reference_type", REFERENCE_TYPES);
export type LedgerEntryType = (typeof ledgerEntryTypeEnum.enumValues)[number];
export type ReferenceType = (typeof referenceTypeEnum.enumValues)[number];
export type WalletKind = (typeof walletKindEnum.enumValues)[number];

/**
 * A ledger account. kind USER is the seed's per-user Wallet; the other kinds are the
 * creator earnings, platform revenue and payment-provider clearing accounts of the
 * double-entry ledger. balance (millicredits) caches the sum of the account's entries.
 */
export const wallets = pgTable(
  "wallet",
  {
    id: id(),
    kind: walletKindEnum("kind").notNull().default("USER"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "restrict" }),
    provider: paymentProviderEnum("provider"),
    balance: bigint("balance", { mode: "bigint" })
      .notNull()
      .default(sql`0`),
    currency: text("currency").notNull().default("CREDITS"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("wallet_kind_user_uq").on(t.kind, t.userId),
    uniqueIndex("wallet_kind_provider_uq").on(t.kind, t.provider),
    // The two indexes above treat NULLs as distinct, so neither keeps PLATFORM_REVENUE single.
    uniqueIndex("wallet_platform_revenue_uq")
      .on(t.kind)
      .where(sql`${t.kind} = 'PLATFORM_REVENUE'`),
    check(
      "wallet_owner_ck",
      sql`(${t.kind} in ('USER','CREATOR_EARNINGS')) = (${t.userId} is not null) and (${t.kind} = 'PROVIDER_CLEARING') = (${t.provider} is not null)`,
    ),
  ],
);

/** One balanced movement of money; its idempotency key makes every booking happen once. */
export const ledgerTransfers = pgTable(
  "ledger_transfer",
  {
    id: id(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    amount: bigint("amount", { mode: "bigint" }).notNull(),
    description: text("description").notNull(),
    createdAt: createdAt(),
  },
  (t) => [check("ledger_transfer_amount_ck", sql`${t.amount} > 0`)],
);

/** Immutable entries: the per-account side of a transfer. Never updated or deleted. */
export const ledgerEntries = pgTable(
  "ledger_entry",
  {
    id: id(),
    transferId: uuid("transfer_id")
      .notNull()
      .references(() => ledgerTransfers.id, { onDelete: "restrict" }),
    walletId: uuid("wallet_id")
      .notNull()
      .references(() => wallets.id, { onDelete: "restrict" }),
    /** Owner of the wallet, for the user's history (null for platform accounts). */
    userId: uuid("user_id").references(() => users.id, { onDelete: "restrict" }),
    type: ledgerEntryTypeEnum("type").notNull(),
    /** Signed millicredits: positive adds to the wallet, negative takes from it. */
    amount: bigint("amount", { mode: "bigint" }).notNull(),
    balanceAfter: bigint("balance_after", { mode: "bigint" }).notNull(),
    currency: text("currency").notNull().default("CREDITS"),
    referenceType: referenceTypeEnum("reference_type").notNull(),
    referenceId: text("reference_id").notNull(),
    /** True when this entry took a wallet below zero on purpose (refund clawback). */
    clawback: boolean("clawback").notNull().default(false),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("ledger_entry_user_created_idx").on(t.userId, t.createdAt),
    index("ledger_entry_wallet_created_idx").on(t.walletId, t.createdAt),
    index("ledger_entry_reference_idx").on(t.referenceType, t.referenceId),
    index("ledger_entry_transfer_idx").on(t.transferId),
    check("ledger_entry_amount_ck", sql`${t.amount} <> 0`),
  ],
);

export const meterEvents = pgTable(
  "meter_event",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    streamId: uuid("stream_id")
      .notNull()
      .references(() => streams.id, { onDelete: "restrict" }),
    sessionId: uuid("session_id").notNull(),
    intervalIndex: integer("interval_index").notNull(),
    playbackMs: integer("playback_ms").notNull(),
    /** Millicredits debited for this interval. */
    creditsDebited: bigint("credits_debited", { mode: "bigint" }).notNull(),
    transferId: uuid("transfer_id").references(() => ledgerTransfers.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("meter_event_session_interval_uq").on(t.sessionId, t.intervalIndex),
    // Watching per stream over a range: creator analytics, per-stream metering totals.
    index("meter_event_stream_created_idx").on(t.streamId, t.createdAt),
  ],
);

// Creator analytics rollups of closed UTC days (migration 0011), derived from meter_event and
// the creator's settlement entries by fill-analytics-rollup.ts; nothing else writes them.

/** Watching of one stream on one day: playback and per-minute concurrency (distinct sessions). */
export const meterStreamDays = pgTable(
  "meter_stream_day",
  {
    streamId: uuid("stream_id")
      .notNull()
      .references(() => streams.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    /** Distinct viewers of the stream that day. */
    viewers: integer("viewers").notNull(),
    playbackMs: bigint("playback_ms", { mode: "bigint" }).notNull(),
    /** The most sessions billed in one minute of the day. */
    peakSessions: integer("peak_sessions").notNull(),
    /** Minutes with at least one session billed, and the sum of their session counts. */
    activeMinutes: integer("active_minutes").notNull(),
    sessionMinutes: bigint("session_minutes", { mode: "bigint" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.streamId, t.day] })],
);

/** Who watched a stream on a day: unique viewers over any range are counted from these. */
export const meterViewerDays = pgTable(
  "meter_viewer_day",
  {
    streamId: uuid("stream_id")
      .notNull()
      .references(() => streams.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.streamId, t.day, t.userId] })],
);

/**
 * Concurrency over all of a creator's streams on a day. Written for every day rolled up, even
 * one without watching: its row says that day's rollups (streams, viewers, revenue) are complete.
 */
export const meterCreatorDays = pgTable(
  "meter_creator_day",
  {
    creatorId: uuid("creator_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    /** Distinct viewers over all the creator's streams that day, and their playback. */
    viewers: integer("viewers").notNull(),
    playbackMs: bigint("playback_ms", { mode: "bigint" }).notNull(),
    peakSessions: integer("peak_sessions").notNull(),
    activeMinutes: integer("active_minutes").notNull(),
    sessionMinutes: bigint("session_minutes", { mode: "bigint" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.creatorId, t.day] })],
);

/** The creator's settled shares per day and stream (stream_key '' for entries without one). */
export const creatorRevenueDays = pgTable(
  "creator_revenue_day",
  {
    creatorId: uuid("creator_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    streamKey: text("stream_key").notNull(),
    amount: bigint("amount", { mode: "bigint" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.creatorId, t.day, t.streamKey] })],
);

export type Wallet = typeof wallets.$inferSelect;
export type LedgerTransfer = typeof ledgerTransfers.$inferSelect;
export type LedgerEntry = typeof ledgerEntries.$inferSelect;
export type MeterEvent = typeof meterEvents.$inferSelect;
