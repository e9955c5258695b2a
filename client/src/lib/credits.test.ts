import { describe, expect, it } from "vitest";
import { balanceLevel, creditsSign, formatCredits, MINUS, parseMillis } from "./credits.ts";

describe("parseMillis", () => {
  it("reads credits strings as exact millicredits", () => {
    expect(parseMillis("1000.000")).toBe(1_000_000n);
    expect(parseMillis("12.5")).toBe(12_500n);
    expect(parseMillis("-1.000")).toBe(-1_000n);
    expect(parseMillis("0.001")).toBe(1n);
    expect(parseMillis("999999999999.999")).toBe(999_999_999_999_999n);
  });

  it("refuses what is not an amount", () => {
    expect(parseMillis("")).toBeNull();
    expect(parseMillis("1.2345")).toBeNull();
    expect(parseMillis("abc")).toBeNull();
    expect(parseMillis("1e3")).toBeNull();
  });
});

describe("formatCredits", () => {
  it("groups the whole part and keeps three decimals", () => {
    expect(formatCredits("1000.000", { locale: "en-US" })).toBe("1,000.000");
    expect(formatCredits("500.000", { locale: "en-US" })).toBe("500.000");
    expect(formatCredits("1234567.890", { locale: "de-DE" })).toBe("1.234.567,890");
  });

  it("drops trailing zero decimals when compact", () => {
    expect(formatCredits("1000.000", { locale: "en-US", compact: true })).toBe("1,000");
    expect(formatCredits("12.500", { locale: "en-US", compact: true })).toBe("12.5");
    expect(formatCredits("0.000", { locale: "en-US", compact: true })).toBe("0");
  });

  it("signs amounts for the ledger", () => {
    expect(formatCredits("500.000", { locale: "en-US", signed: true })).toBe("+500.000");
    expect(formatCredits("-1.000", { locale: "en-US", signed: true })).toBe(`${MINUS}1.000`);
    expect(formatCredits("0.000", { locale: "en-US", signed: true })).toBe("0.000");
    expect(formatCredits("-2.000", { locale: "en-US" })).toBe(`${MINUS}2.000`);
  });

  it("does not lose precision on large amounts", () => {
    expect(formatCredits("999999999999.999", { locale: "en-US" })).toBe("999,999,999,999.999");
  });

  it("returns unparsable input unchanged", () => {
    expect(formatCredits("n/a")).toBe("n/a");
  });
});

describe("balanceLevel", () => {
  it("is healthy from 100 credits, low from 10, empty below", () => {
    expect(balanceLevel("1000.000")).toBe("healthy");
    expect(balanceLevel("100.000")).toBe("healthy");
    expect(balanceLevel("99.999")).toBe("low");
    expect(balanceLevel("10.000")).toBe("low");
    expect(balanceLevel("9.999")).toBe("empty");
    expect(balanceLevel("0.000")).toBe("empty");
    expect(balanceLevel("-5.000")).toBe("empty");
  });
});

describe("creditsSign", () => {
  it("tells credits in from credits out", () => {
    expect(creditsSign("500.000")).toBe(1);
    expect(creditsSign("-1.000")).toBe(-1);
    expect(creditsSign("0.000")).toBe(0);
  });
});
