import { boolean, index, pgTable, text, timestamp, uuid, pgEnum } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "../platform/db/columns.ts";
import { ROLES, USER_STATUSES } from "../../contracts/auth.ts";

export const roleEnum = pgEnum("role", ROLES);
export const userStatusEnum = pgEnum("user_status", USER_STATUSES);
export type Role = (typeof roleEnum.enumValues)[number];
export type UserStatus = (typeof userStatusEnum.enumValues)[number];

// Users are never hard-deleted (status DELETED): money rows reference them with RESTRICT.
export const users = pgTable("user", {
  id: id(),
  email: text("email").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  role: roleEnum("role").notNull().default("VIEWER"),
  status: userStatusEnum("status").notNull().default("ACTIVE"),
  emailVerified: timestamp("email_verified", { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const profiles = pgTable(
  "profile",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    displayName: text("display_name").notNull(),
    avatarUrl: text("avatar_url"),
    bio: text("bio"),
    isCreator: boolean("is_creator").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // Discovery searches creators by display name (pg_trgm, typo-tolerant).
  (t) => [index("profile_display_name_trgm_idx").using("gin", t.displayName.op("gin_trgm_ops"))],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Profile = typeof profiles.$inferSelect;
