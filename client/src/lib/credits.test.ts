import { describe, expect, it } from "vitest";
import { tryParseCredits } from "@contracts/money.ts";
import { displayCredits, MINUS } from "./credits.ts";

// The client reads credits with the Worker's own parser; these pin what the display relies on.
describe("tryParseCredits (shared with the Worker)", () => {
  it("reads credits strings as exact millicredits", () => {
    expect(tryParseCredits("1000.000")).toBe(1_000_000n);
    expect(tryParseCredits("12.5")).toBe(12_500n);
    expect(tryParseCredits("-1.000")).toBe(-1_000n);
    expect(tryParseCredits("0.001")).toBe(1n);
    expect(tryParseCredits("999999999999.999")).toBe(999_999_999_999_999n);
  });

  it("refuses what is not an amount", () => {
    expect(tryParseCredits("")).toBeNull();
    expect(tryParseCredits("1.2345")).toBeNull();
    expect(tryParseCredits("abc")).toBeNull();
    expect(tryParseCredits("1e3")).toBeNull();
  });
});

describe("displayCredits", () => {
  it("groups the whole part and keeps three decimals", () => {
    expect(displayCredits("1000.000", { locale: "en-US" })).toBe("1,000.000");
    expect(displayCredits("500.000", { locale: "en-US" })).toBe("500.000");
    expect(displayCredits("1234567.890", { locale: "de-DE" })).toBe("1.234.567,890");
  });

  it("drops trailing zero decimals when compact", () => {
    expect(displayCredits("1000.000", { locale: "en-US", compact: true })).toBe("1,000");
    expect(displayCredits("12.500", { locale: "en-US", compact: true })).toBe("12.5");
    expect(displayCredits("0.000", { locale: "en-US", compact: true })).toBe("0");
  });

  it("signs amounts for the ledger", () => {
    expect(displayCredits("500.000", { locale: "en-US", signed: true })).toBe("+500.000");
    expect(displayCredits("-1.000", { locale: "en-US", signed: true })).toBe(`${MINUS}1.000`);
    expect(displayCredits("0.000", { locale: "en-US", signed: true })).toBe("0.000");
    expect(displayCredits("-2.000", { locale: "en-US" })).toBe(`${MINUS}2.000`);
  });

  it("does not lose precision on large amounts", () => {
    expect(displayCredits("999999999999.999", { locale: "en-US" })).toBe("999,999,999,999.999");
  });

  it("returns unparsable input unchanged", () => {
    expect(displayCredits("n/a")).toBe("n/a");
  });
});
