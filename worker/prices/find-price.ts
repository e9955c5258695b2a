import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { type Price, prices } from "./prices.schema.ts";

/** A package that can be bought now; undefined when unknown or hidden. */
export async function findActivePrice(db: DbOrTx, priceId: string): Promise<Price | undefined> {
  const [price] = await db
    .select()
    .from(prices)
    .where(and(eq(prices.id, priceId), eq(prices.active, true)));
  return price;
}

/** Package names by id, for lists of payments. */
export async function getPriceNames(db: DbOrTx, priceIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(priceIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: prices.id, name: prices.name }).from(prices).where(inArray(prices.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
