import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id } from "../platform/db/columns.ts";

export const categories = pgTable(
  "category",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description"),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: createdAt(),
  },
  // Discovery searches streams by category name (pg_trgm).
  (t) => [index("category_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops"))],
);

export type Category = typeof categories.$inferSelect;
