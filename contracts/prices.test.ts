import { describe, expect, it } from "vitest";
import { formatCents } from "./money.ts";
import { createPriceSchema, updatePriceSchema } from "./prices.ts";

describe("price schemas", () => {
  it("fills defaults on create only", () => {
    expect(createPriceSchema.parse({ productCode: "pack_1", name: "P", credits: 10, amountCents: 99 })).toMatchObject({
      currency: "usd",
      active: true,
    });
    expect(updatePriceSchema.parse({ name: "Renamed" })).toEqual({ name: "Renamed" });
  });
  it("refuses an empty update and unknown fields", () => {
    expect(updatePriceSchema.safeParse({}).success).toBe(false);
    expect(updatePriceSchema.safeParse({ productCode: "x_1" }).success).toBe(false);
  });
});

describe("formatCents", () => {
  it("formats minor units without floats", () => {
    expect(formatCents(1599n)).toBe("15.99");
    expect(formatCents(5)).toBe("0.05");
    expect(formatCents(-1234n)).toBe("-12.34");
  });
});
