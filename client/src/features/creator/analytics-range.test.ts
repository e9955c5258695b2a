import { describe, expect, it } from "vitest";
import { customRangeError, parseDay, presetRange, rangeDays, rangeLabel, selectRange } from "./analytics-range.ts";

const now = new Date("2026-12-02T23:30:00Z");

describe("presetRange", () => {
  it("counts today as the last day of the range", () => {
    expect(presetRange("7d", now)).toEqual({ startDate: "2026-11-26", endDate: "2026-12-02" });
    expect(presetRange("30d", now)).toEqual({ startDate: "2026-11-03", endDate: "2026-12-02" });
  });

  it("makes 'all' the API's longest range, 366 days", () => {
    const range = presetRange("all", now);
    expect(range).toEqual({ startDate: "2025-12-02", endDate: "2026-12-02" });
    expect(rangeDays(range)).toBe(366);
  });

  it("uses the UTC day, whatever the hour", () => {
    expect(presetRange("7d", new Date("2026-12-02T00:00:00Z")).endDate).toBe("2026-12-02");
  });
});

describe("parseDay", () => {
  it("accepts real dates only", () => {
    expect(parseDay("2026-02-28")).toBe(Date.UTC(2026, 1, 28));
    expect(parseDay("2026-02-31")).toBeNull();
    expect(parseDay("2026-2-3")).toBeNull();
    expect(parseDay(undefined)).toBeNull();
  });
});

describe("customRangeError", () => {
  it("accepts a range the API answers", () => {
    expect(customRangeError({ startDate: "2026-01-01", endDate: "2026-01-01" })).toBeNull();
    expect(customRangeError({ startDate: "2025-12-02", endDate: "2026-12-02" })).toBeNull();
  });

  it("refuses missing, reversed and too long ranges", () => {
    expect(customRangeError({ startDate: "", endDate: "2026-01-01" })).toMatch(/start and an end/);
    expect(customRangeError({ startDate: "2026-01-02", endDate: "2026-01-01" })).toMatch(/not be after/);
    expect(customRangeError({ startDate: "2025-12-01", endDate: "2026-12-02" })).toMatch(/at most 366/);
  });
});

describe("selectRange", () => {
  it("defaults to the last 30 days", () => {
    expect(selectRange({}, now)).toEqual({ kind: "preset", preset: "30d", range: presetRange("30d", now) });
    expect(selectRange({ range: "nonsense" }, now).kind).toBe("preset");
  });

  it("reads a preset", () => {
    const selection = selectRange({ range: "90d" }, now);
    expect(selection).toMatchObject({ kind: "preset", preset: "90d" });
    expect(rangeLabel(selection)).toBe("Last 90 days");
  });

  it("prefers a valid custom range and falls back when it is invalid", () => {
    const custom = selectRange({ range: "7d", start: "2026-11-01", end: "2026-11-30" }, now);
    expect(custom).toEqual({ kind: "custom", range: { startDate: "2026-11-01", endDate: "2026-11-30" } });
    expect(rangeLabel(custom)).toBe("2026-11-01 – 2026-11-30");
    expect(selectRange({ range: "7d", start: "2026-11-30", end: "2026-11-01" }, now)).toMatchObject({
      kind: "preset",
      preset: "7d",
    });
  });

  it("does not treat inherited object keys as presets", () => {
    expect(selectRange({ range: "toString" }, now)).toMatchObject({ preset: "30d" });
  });
});
