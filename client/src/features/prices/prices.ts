import type { PriceDto } from "@contracts/prices.ts";

type Priced = Pick<PriceDto, "id" | "credits" | "amountCents" | "currency">;

/**
 * The package giving the most credits per cent, compared exactly (cross-multiplied integers).
 * Ties go to the bigger package. Null when there is nothing to compare: fewer than two packages,
 * or packages in different currencies.
 */
export function bestValuePriceId(prices: readonly Priced[]): string | null {
  const first = prices[0];
  if (prices.length < 2 || !first) return null;
  if (prices.some((p) => p.currency.toLowerCase() !== first.currency.toLowerCase())) return null;
  let best = first;
  for (const price of prices.slice(1)) {
    const lhs = BigInt(price.credits) * BigInt(best.amountCents);
    const rhs = BigInt(best.credits) * BigInt(price.amountCents);
    if (lhs > rhs || (lhs === rhs && price.credits > best.credits)) best = price;
  }
  return best.id;
}

/** Credits for one whole unit of the currency (a display figure, not money: a float is fine). */
export function creditsPerUnit(price: Pick<PriceDto, "credits" | "amountCents">): number {
  return price.amountCents > 0 ? (price.credits * 100) / price.amountCents : 0;
}
