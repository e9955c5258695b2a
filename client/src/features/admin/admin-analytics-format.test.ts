import { describe, expect, it } from "vitest";
import { dayToSeconds, hoursLabel, moneyToNumber } from "./admin-analytics-format.ts";

describe("admin analytics formats", () => {
  it("reads days and money strings for the charts", () => {
    expect(dayToSeconds("2026-12-01")).toBe(Date.UTC(2026, 11, 1) / 1000);
    expect(dayToSeconds("nope")).toBe(0);
    expect(moneyToNumber("47.05")).toBe(47.05);
    expect(moneyToNumber("-3.00")).toBe(-3);
    expect(moneyToNumber("NaN")).toBe(0);
  });
  it("labels watch time", () => {
    expect(hoursLabel(0)).toBe("0m");
    expect(hoursLabel(59 * 60)).toBe("59m");
    expect(hoursLabel(12 * 3600 + 5 * 60 + 59)).toBe("12h 05m");
  });
});
