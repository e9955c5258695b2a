import { describe, expect, it } from "vitest";
import { overviewPeriods } from "./overview-periods.ts";

const iso = (p: { from: Date; to: Date }) => [p.from.toISOString(), p.to.toISOString()];

describe("overviewPeriods", () => {
  it("compares today with yesterday to the same hour and the month with the last one so far", () => {
    const periods = overviewPeriods(new Date("2026-03-15T10:30:00.000Z"));
    expect(iso(periods.today)).toEqual(["2026-03-15T00:00:00.000Z", "2026-03-15T10:30:00.000Z"]);
    expect(iso(periods.yesterday)).toEqual(["2026-03-14T00:00:00.000Z", "2026-03-14T10:30:00.000Z"]);
    expect(iso(periods.month)).toEqual(["2026-03-01T00:00:00.000Z", "2026-03-15T10:30:00.000Z"]);
    expect(iso(periods.previousMonth)).toEqual(["2026-02-01T00:00:00.000Z", "2026-02-15T10:30:00.000Z"]);
  });

  it("clips the previous month at its end and crosses the year", () => {
    const periods = overviewPeriods(new Date("2026-03-31T12:00:00.000Z"));
    expect(iso(periods.previousMonth)).toEqual(["2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z"]);
    const january = overviewPeriods(new Date("2027-01-01T00:00:05.000Z"));
    expect(iso(january.yesterday)).toEqual(["2026-12-31T00:00:00.000Z", "2026-12-31T00:00:05.000Z"]);
    expect(iso(january.previousMonth)).toEqual(["2026-12-01T00:00:00.000Z", "2026-12-01T00:00:05.000Z"]);
  });
});
