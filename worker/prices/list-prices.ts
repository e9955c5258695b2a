import { asc, eq } from "drizzle-orm";
import type { PriceDto } from "../../contracts/prices.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { prices } from "./prices.schema.ts";
import { toPriceDto } from "./price-dto.ts";

export async function listPrices(db: DbOrTx, options: { includeInactive: boolean }): Promise<PriceDto[]> {
  const rows = await db
    .select()
    .from(prices)
    .where(options.includeInactive ? undefined : eq(prices.active, true))
    .orderBy(asc(prices.credits), asc(prices.productCode));
  return rows.map(toPriceDto);
}
