import { describe, expect, it } from "vitest";
import { AppError } from "./errors.ts";
import { periodStart, resolveDayRange } from "./day-range.ts";

describe("resolveDayRange", () => {
  it("defaults to the last 30 days, today included", () => {
    const r = resolveDayRange({}, new Date("2026-12-02T07:00:00Z"));
    expect([r.start, r.end, r.days.length]).toEqual(["2026-11-03", "2026-12-02", 30]);
    expect(r.from.toISOString()).toBe("2026-11-03T00:00:00.000Z");
    expect(r.to.toISOString()).toBe("2026-12-03T00:00:00.000Z");
  });
  it("rejects a reversed, impossible or too long range", () => {
    expect(() => resolveDayRange({ startDate: "2026-12-02", endDate: "2026-12-01" })).toThrow(AppError);
    expect(() => resolveDayRange({ startDate: "2026-02-30", endDate: "2026-03-01" })).toThrow(AppError);
    expect(() => resolveDayRange({ startDate: "2025-01-01", endDate: "2026-12-01" })).toThrow(AppError);
  });
});

describe("periodStart", () => {
  it("finds the Monday of an ISO week and the first of a month", () => {
    expect(periodStart("2026-12-02", "week")).toBe("2026-11-30"); // a Wednesday
    expect(periodStart("2026-11-30", "week")).toBe("2026-11-30"); // a Monday
    expect(periodStart("2026-12-06", "week")).toBe("2026-11-30"); // a Sunday
    expect(periodStart("2026-12-31", "month")).toBe("2026-12-01");
    expect(periodStart("2026-12-31", "day")).toBe("2026-12-31");
  });
});
