import { describe, expect, it } from "vitest";
import { compactNumber, creditsToNumber, dayToSeconds, peakOf, shortDay } from "./chart-format.ts";

describe("creditsToNumber", () => {
  it("reads the wire's credit strings", () => {
    expect(creditsToNumber("12.345")).toBe(12.345);
    expect(creditsToNumber("-1.500")).toBe(-1.5);
    expect(creditsToNumber("0.000")).toBe(0);
  });

  it("charts garbage as zero", () => {
    expect(creditsToNumber("abc")).toBe(0);
  });
});

describe("dayToSeconds and shortDay", () => {
  it("round-trip a UTC day", () => {
    const seconds = dayToSeconds("2026-12-02");
    expect(seconds).toBe(Date.UTC(2026, 11, 2) / 1000);
    expect(shortDay(seconds, "en-US")).toBe("Dec 2");
  });
});

describe("compactNumber", () => {
  it("shortens large values and keeps small decimals", () => {
    expect(compactNumber(1234, "en-US")).toBe("1.23K");
    expect(compactNumber(2.5, "en-US")).toBe("2.5");
    expect(compactNumber(0, "en-US")).toBe("0");
  });
});

describe("peakOf", () => {
  it("finds the largest positive value", () => {
    const rows = [
      { day: "a", n: 1 },
      { day: "b", n: 4 },
      { day: "c", n: 4 },
    ];
    expect(peakOf(rows, (r) => r.n)).toEqual({ row: rows[1], value: 4 });
  });

  it("is null for an empty or all-zero series", () => {
    expect(peakOf([], () => 1)).toBeNull();
    expect(peakOf([{ n: 0 }], (r) => r.n)).toBeNull();
  });
});
