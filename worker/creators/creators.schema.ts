import { sql } from "drizzle-orm";
import { check, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { STREAM_QUALITIES } from "../../contracts/creator-settings.ts";
import { categories } from "../categories/categories.schema.ts";
import { createdAt, updatedAt } from "../platform/db/columns.ts";
import { users } from "../users/users.schema.ts";

/** A creator's defaults for a new stream; no row means the built-in defaults. */
export const creatorSettings = pgTable(
  "creator_settings",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    defaultCategoryId: uuid("default_category_id").references(() => categories.id, { onDelete: "set null" }),
    defaultTags: text("default_tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    defaultQuality: text("default_quality", { enum: STREAM_QUALITIES }).notNull().default("auto"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      "creator_settings_default_quality_check",
      sql`${t.defaultQuality} IN (${sql.raw(STREAM_QUALITIES.map((q) => `'${q}'`).join(", "))})`,
    ),
  ],
);

export type CreatorSettings = typeof creatorSettings.$inferSelect;
