import { describe, expect, it } from "vitest";
import { currencyUnit, formatMoney, isPositiveAmount, parseDollarsToCents } from "./money.ts";

describe("parseDollarsToCents", () => {
  it("parses dollar strings into integer cents without float error", () => {
    expect(parseDollarsToCents("12.34")).toBe(1234);
    expect(parseDollarsToCents("0.29")).toBe(29); // 0.29 * 100 === 28.999999999999996
    expect(parseDollarsToCents("19.99")).toBe(1999);
    expect(parseDollarsToCents("12")).toBe(1200);
    expect(parseDollarsToCents("12.")).toBe(1200);
    expect(parseDollarsToCents("12.3")).toBe(1230);
    expect(parseDollarsToCents(".5")).toBe(50);
    expect(parseDollarsToCents(" $8.99 ")).toBe(899);
    expect(parseDollarsToCents("999999999.99")).toBe(99_999_999_999);
  });

  it("refuses anything that is not a plain amount", () => {
    for (const bad of ["", ".", "12.345", "-1", "1e3", "abc", "1,000.00", "12.34.5", "$"]) {
      expect(parseDollarsToCents(bad), bad).toBeNull();
    }
  });
});

describe("formatMoney", () => {
  it("formats in the currency", () => {
    expect(formatMoney("15.99", "usd", "en-US")).toBe("$15.99");
    expect(formatMoney("1234.50", "eur", "de-DE")).toBe("1.234,50\u00a0€");
  });

  it("falls back for what Intl cannot format", () => {
    expect(formatMoney("15.99", "not-a-currency", "en-US")).toBe("15.99 NOT-A-CURRENCY");
    expect(formatMoney("abc", "usd", "en-US")).toBe("abc USD");
  });
});

describe("currencyUnit", () => {
  it("names one whole unit", () => {
    expect(currencyUnit("usd", "en-US")).toBe("$1");
  });
});

describe("isPositiveAmount", () => {
  it("is true only above zero", () => {
    expect(isPositiveAmount("0.00")).toBe(false);
    expect(isPositiveAmount("0.01")).toBe(true);
    expect(isPositiveAmount("oops")).toBe(false);
  });
});
