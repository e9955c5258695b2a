import { describe, expect, it } from "vitest";
import { bestValuePriceId, creditsPerUnit } from "./prices.ts";

const price = (id: string, credits: number, amountCents: number, currency = "usd") => ({
  id,
  credits,
  amountCents,
  currency,
});

describe("bestValuePriceId", () => {
  it("picks the most credits per cent", () => {
    const seeded = [
      price("starter", 100, 199),
      price("regular", 500, 899),
      price("plus", 1000, 1599),
      price("pro", 5000, 6999),
      price("whale", 10000, 12999),
    ];
    expect(bestValuePriceId(seeded)).toBe("whale");
    expect(bestValuePriceId([price("a", 100, 100), price("b", 150, 200)])).toBe("a");
  });

  it("compares exactly and gives ties to the bigger package", () => {
    expect(bestValuePriceId([price("small", 100, 300), price("big", 300, 900)])).toBe("big");
    expect(bestValuePriceId([price("big", 300, 900), price("small", 100, 300)])).toBe("big");
  });

  it("has nothing to say about one package or mixed currencies", () => {
    expect(bestValuePriceId([])).toBeNull();
    expect(bestValuePriceId([price("only", 100, 199)])).toBeNull();
    expect(bestValuePriceId([price("a", 100, 199), price("b", 500, 899, "eur")])).toBeNull();
  });
});

describe("creditsPerUnit", () => {
  it("is credits per whole currency unit", () => {
    expect(creditsPerUnit({ credits: 1000, amountCents: 1000 })).toBe(100);
    expect(creditsPerUnit({ credits: 500, amountCents: 899 })).toBeCloseTo(55.617, 3);
    expect(creditsPerUnit({ credits: 500, amountCents: 0 })).toBe(0);
  });
});
