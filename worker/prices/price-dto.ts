import { formatCents, type PriceDto } from "../contracts/payments.ts";
import type { Price } from "../db/schema/index.ts";

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
