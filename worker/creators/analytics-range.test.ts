import { describe, expect, it } from "vitest";
import { AppError } from "../platform/errors.ts";
import { resolveAnalyticsRange } from "./analytics-range.ts";

const now = new Date("2026-12-02T23:59:00Z");

describe("resolveAnalyticsRange", () => {
  it("defaults to the last 30 days, today (UTC) included", () => {
    const r = resolveAnalyticsRange({}, now);
    expect(r).toMatchObject({ start: "2026-11-03", end: "2026-12-02" });
    expect(r.days).toHaveLength(30);
    expect(r.from.toISOString()).toBe("2026-11-03T00:00:00.000Z");
    expect(r.to.toISOString()).toBe("2026-12-03T00:00:00.000Z");
  });

  it("takes 30 days back from an endDate alone, and today as the end of a startDate alone", () => {
    expect(resolveAnalyticsRange({ endDate: "2026-03-01" }, now)).toMatchObject({ start: "2026-01-31" });
    expect(resolveAnalyticsRange({ startDate: "2026-12-01" }, now).days).toEqual(["2026-12-01", "2026-12-02"]);
  });

  it("allows 366 days and refuses 367, reversed ranges and days that do not exist", () => {
    expect(resolveAnalyticsRange({ startDate: "2025-01-01", endDate: "2026-01-01" }, now).days).toHaveLength(366);
    for (const bad of [
      { startDate: "2025-01-01", endDate: "2026-01-02" },
      { startDate: "2026-12-02", endDate: "2026-12-01" },
      { startDate: "2026-02-30", endDate: "2026-03-01" },
    ]) {
      expect(() => resolveAnalyticsRange(bad, now)).toThrow(AppError);
    }
  });
});
