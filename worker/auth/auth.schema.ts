import { index, pgTable, text, timestamp, uuid, pgEnum } from "drizzle-orm/pg-core";
import { createdAt, id } from "../platform/db/columns.ts";
import { users } from "../users/users.schema.ts";
import { EMAIL_TOKEN_PURPOSES } from "../../contracts/auth.ts";

export const emailTokenPurposeEnum = pgEnum("email_token_purpose", EMAIL_TOKEN_PURPOSES);

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

export type RefreshToken = typeof refreshTokens.$inferSelect;
export type EmailToken = typeof emailTokens.$inferSelect;
