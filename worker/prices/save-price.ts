import { eq } from "drizzle-orm";
import { writeAuditLog } from "../platform/audit/write-audit-log.ts";
import type { CreatePriceInput, PriceDto, UpdatePriceInput } from "../../contracts/prices.ts";
import type { Db } from "../platform/db/client.ts";
import { prices } from "./prices.schema.ts";
import { conflict, notFound } from "../platform/errors.ts";
import { toPriceDto } from "./price-dto.ts";

export async function createPrice(db: Db, input: CreatePriceInput & { actorId: string }): Promise<PriceDto> {
  return db.transaction(async (tx) => {
    const { actorId, amountCents, ...rest } = input;
    const [row] = await tx
      .insert(prices)
      .values({ ...rest, amountCents: BigInt(amountCents) })
      .onConflictDoNothing({ target: prices.productCode })
      .returning();
    if (!row) throw conflict("PRODUCT_CODE_TAKEN", `A price with product code ${input.productCode} exists`);
    await writeAuditLog(tx, {
      actorId,
      action: "price.created",
      targetType: "PRICE",
      targetId: row.id,
      metadata: { ...rest, amountCents },
    });
    return toPriceDto(row);
  });
}

export async function updatePrice(
  db: Db,
  input: UpdatePriceInput & { id: string; actorId: string },
): Promise<PriceDto> {
  return db.transaction(async (tx) => {
    const { id, actorId, amountCents, ...rest } = input;
    const [row] = await tx
      .update(prices)
      .set({ ...rest, ...(amountCents !== undefined ? { amountCents: BigInt(amountCents) } : {}) })
      .where(eq(prices.id, id))
      .returning();
    if (!row) throw notFound("Price");
    await writeAuditLog(tx, {
      actorId,
      action: "price.updated",
      targetType: "PRICE",
      targetId: id,
      metadata: { ...rest, amountCents },
    });
    return toPriceDto(row);
  });
}
