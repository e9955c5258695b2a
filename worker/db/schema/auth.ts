import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns.ts";
import { emailTokenPurposeEnum } from "./enums.ts";
import { users } from "./users.ts";

/** Rotating refresh tokens, stored hashed; a family shares one login. */
export const refreshTokens = pgTable(
  "refresh_token",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    familyId: uuid("family_id").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    rotatedAt: timestamp("rotated_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("refresh_token_family_idx").on(t.familyId), index("refresh_token_user_idx").on(t.userId)],
);

/** Single-use email tokens (verification, password reset), stored hashed. */
export const emailTokens = pgTable(
  "email_token",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: emailTokenPurposeEnum("purpose").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("email_token_user_idx").on(t.userId, t.purpose)],
);

/** Development/test mail sink; production sends through the email provider instead. */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: id(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    createdAt: createdAt(),
  },
  (t) => [index("email_outbox_to_idx").on(t.toAddress, t.createdAt)],
);

export type RefreshToken = typeof refreshTokens.$inferSelect;
export type EmailToken = typeof emailTokens.$inferSelect;
