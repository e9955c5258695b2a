import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  pgEnum,
} from "drizzle-orm/pg-core";
import { prices } from "../prices/prices.schema.ts";
import { createdAt, id, updatedAt } from "../platform/db/columns.ts";
import { users } from "../users/users.schema.ts";
import { PAYMENT_PROVIDERS, PAYMENT_STATUSES, WEBHOOK_EVENT_STATUSES } from "../../contracts/payments.ts";

export const paymentProviderEnum = pgEnum("payment_provider", PAYMENT_PROVIDERS);
export const paymentStatusEnum = pgEnum("payment_status", PAYMENT_STATUSES);
export const webhookEventStatusEnum = pgEnum("webhook_event_status", WEBHOOK_EVENT_STATUSES);
export type { PaymentProvider } from "../../contracts/payments.ts";
export type PaymentStatus = (typeof paymentStatusEnum.enumValues)[number];
export type WebhookEventStatus = (typeof webhookEventStatusEnum.enumValues)[number];

export const payments = pgTable(
  "payment",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    priceId: uuid("price_id").references(() => prices.id, { onDelete: "set null" }),
    provider: paymentProviderEnum("provider").notNull(),
    /** The provider's checkout id (Stripe Checkout Session, Coinbase charge/checkout). */
    providerRef: text("provider_ref").unique(),
    status: paymentStatusEnum("status").notNull().default("PENDING"),
    amountCents: bigint("amount_cents", { mode: "bigint" }).notNull(),
    refundedCents: bigint("refunded_cents", { mode: "bigint" })
      .notNull()
      .default(sql`0`),
    currency: text("currency").notNull(),
    /** Millicredits this payment buys. */
    credits: bigint("credits", { mode: "bigint" }).notNull(),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("payment_user_created_idx").on(t.userId, t.createdAt)],
);

/** Every webhook we accepted, by provider event id: replays are recognised, failures replayable. */
export const webhookEvents = pgTable(
  "webhook_event",
  {
    id: id(),
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    payload: jsonb("payload").$type<unknown>().notNull(),
    status: webhookEventStatusEnum("status").notNull().default("RECEIVED"),
    /** Handling runs started: by a delivery, the retry sweeper or an admin replay. */
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    receivedAt: createdAt(),
    /** When the current (or last) run claimed the event; RECEIVED long after this = abandoned. */
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the sweeper retries a transient failure; null = never (processed, permanent, exhausted). */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("webhook_event_provider_event_uq").on(t.provider, t.eventId),
    index("webhook_event_retry_idx").on(t.status, t.nextAttemptAt),
  ],
);

/**
 * Refunds an admin asked a provider for, one per (payment, Idempotency-Key): the same key
 * gets the same refund back, a new key another one. The provider's webhook books the money.
 */
export const paymentRefunds = pgTable(
  "payment_refund",
  {
    id: id(),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id, { onDelete: "restrict" }),
    idempotencyKey: text("idempotency_key").notNull(),
    amountCents: bigint("amount_cents", { mode: "bigint" }).notNull(),
    /** Null until the provider answered (a failed request is retried with the same key). */
    providerRefundId: text("provider_refund_id"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("payment_refund_payment_key_uq").on(t.paymentId, t.idempotencyKey)],
);

export type Payment = typeof payments.$inferSelect;
export type WebhookEvent = typeof webhookEvents.$inferSelect;
export type PaymentRefund = typeof paymentRefunds.$inferSelect;
