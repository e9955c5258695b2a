import { formatCents } from "../../contracts/money.ts";
import { type PriceDto } from "../../contracts/prices.ts";
import type { Price } from "./prices.schema.ts";

export function toPriceDto(p: Price): PriceDto {
  return {
    id: p.id,
    productCode: p.productCode,
    name: p.name,
    credits: p.credits,
    amountCents: Number(p.amountCents),
    amount: formatCents(p.amountCents),
    currency: p.currency,
    active: p.active,
  };
}
