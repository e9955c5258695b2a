import { bigint, boolean, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "../platform/db/columns.ts";

/** A credit package. credits are whole credits; amountCents is the price in minor units. */
export const prices = pgTable("price", {
  id: id(),
  productCode: text("product_code").notNull().unique(),
  name: text("name").notNull(),
  credits: integer("credits").notNull(),
  amountCents: bigint("amount_cents", { mode: "bigint" }).notNull(),
  currency: text("currency").notNull().default("usd"),
  active: boolean("active").notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type Price = typeof prices.$inferSelect;
