import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { creditsToMillis, formatCredits, parseCredits, tryParseCredits } from "./money.ts";
import { creditsAmountSchema, signedCreditsAmountSchema } from "./wallet.ts";

describe("parseCredits", () => {
  it.each([
    ["12.5", 12500n],
    ["12.500", 12500n],
    ["12", 12000n],
    ["0.001", 1n],
    ["0", 0n],
    ["007.07", 7070n],
    [" 3.25 ", 3250n],
    ["999999999999.999", 999_999_999_999_999n],
  ])("parses %j as %s millicredits", (input, expected) => {
    expect(parseCredits(input)).toBe(expected);
  });

  it.each(["12.5001", "1.2345", "abc", "", "1e3", "+1", "1.", ".5", "1,5", "NaN", "Infinity", "0x10", "--1", "1 000"])(
    "rejects %j",
    (input) => {
      expect(() => parseCredits(input)).toThrow(RangeError);
    },
  );

  it("rejects negatives unless allowed", () => {
    expect(() => parseCredits("-1.25")).toThrow(/Negative/);
    expect(parseCredits("-1.25", { allowNegative: true })).toBe(-1250n);
    expect(parseCredits("-0.001", { allowNegative: true })).toBe(-1n);
  });

  it("rejects amounts beyond a Postgres bigint", () => {
    expect(() => parseCredits("9223372036854775.808")).toThrow(/out of range/);
    expect(parseCredits("9223372036854775.807")).toBe(9_223_372_036_854_775_807n);
  });
});

describe("formatCredits", () => {
  it.each([
    [12500n, "12.500"],
    [0n, "0.000"],
    [1n, "0.001"],
    [-1250n, "-1.250"],
    [-5n, "-0.005"],
    [1_000_000_000n, "1000000.000"],
  ])("formats %s as %j", (millis, expected) => {
    expect(formatCredits(millis)).toBe(expected);
  });

  it("round-trips with parseCredits for any amount", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (millis) => {
        expect(parseCredits(formatCredits(millis), { allowNegative: true })).toBe(millis);
      }),
    );
  });
});

describe("creditsToMillis", () => {
  it("multiplies whole credits by 1000", () => {
    expect(creditsToMillis(5)).toBe(5000n);
    expect(creditsToMillis(0)).toBe(0n);
    expect(creditsToMillis(-2)).toBe(-2000n);
    expect(creditsToMillis(7n)).toBe(7000n);
  });

  it("refuses fractions and unsafe numbers", () => {
    expect(() => creditsToMillis(1.5)).toThrow(RangeError);
    expect(() => creditsToMillis(Number.NaN)).toThrow(RangeError);
    expect(() => creditsToMillis(2 ** 60)).toThrow(RangeError);
  });
});

describe("credits schemas", () => {
  it("accept what parseCredits accepts and refuse zero", () => {
    expect(creditsAmountSchema.parse("12.5")).toBe("12.5");
    expect(creditsAmountSchema.safeParse("0.000").success).toBe(false);
    expect(creditsAmountSchema.safeParse("-1").success).toBe(false);
    expect(creditsAmountSchema.safeParse("1.0001").success).toBe(false);
    expect(signedCreditsAmountSchema.parse("-1.5")).toBe("-1.5");
    expect(signedCreditsAmountSchema.safeParse("-0").success).toBe(false);
  });
});

describe("tryParseCredits", () => {
  it("gives null instead of throwing", () => {
    expect(tryParseCredits("-1.5")).toBe(-1500n);
    expect(tryParseCredits("1e3")).toBeNull();
    expect(tryParseCredits("9223372036854775.808")).toBeNull();
  });
});
