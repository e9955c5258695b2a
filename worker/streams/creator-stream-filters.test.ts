import { describe, expect, it } from "vitest";
import { creatorStreamsQuerySchema } from "../../contracts/creator-streams.ts";
import { dayBounds, durationSeconds, statusesFor } from "./creator-stream-filters.ts";

describe("statusesFor", () => {
  it("puts paused with live and removed with ended; all filters nothing", () => {
    expect(statusesFor("LIVE")).toEqual(["LIVE", "PAUSED"]);
    expect(statusesFor("SCHEDULED")).toEqual(["SCHEDULED"]);
    expect(statusesFor("ENDED")).toEqual(["ENDED", "REMOVED"]);
    expect(statusesFor("all")).toBeUndefined();
  });
});

describe("dayBounds", () => {
  it("includes the whole last day and leaves absent ends open", () => {
    expect(dayBounds({ from: "2026-12-01", to: "2026-12-01" })).toEqual({
      from: new Date("2026-12-01T00:00:00.000Z"),
      to: new Date("2026-12-02T00:00:00.000Z"),
    });
    expect(dayBounds({ to: "2026-12-31" })).toEqual({ from: undefined, to: new Date("2027-01-01T00:00:00.000Z") });
    expect(dayBounds({})).toEqual({ from: undefined, to: undefined });
  });
});

describe("durationSeconds", () => {
  const now = new Date("2026-12-02T10:00:00.000Z");
  const startedAt = new Date("2026-12-02T08:30:00.400Z");
  it("measures start to end, or to now while on air", () => {
    expect(durationSeconds({ status: "ENDED", startedAt, endedAt: new Date("2026-12-02T09:00:01.300Z") }, now)).toBe(
      1800,
    );
    expect(durationSeconds({ status: "LIVE", startedAt, endedAt: null }, now)).toBe(5399);
    expect(durationSeconds({ status: "PAUSED", startedAt, endedAt: null }, now)).toBe(5399);
  });
  it("is null before going live or without an end", () => {
    expect(durationSeconds({ status: "SCHEDULED", startedAt: null, endedAt: null }, now)).toBeNull();
    expect(durationSeconds({ status: "ENDED", startedAt, endedAt: null }, now)).toBeNull();
  });
  it("never goes negative", () => {
    expect(durationSeconds({ status: "ENDED", startedAt, endedAt: new Date(startedAt.getTime() - 5000) }, now)).toBe(0);
  });
});

describe("creatorStreamsQuerySchema", () => {
  it("defaults to every stream, newest first, page 1 of 20", () => {
    expect(creatorStreamsQuerySchema.parse({})).toEqual({
      status: "all",
      sort: "date",
      dir: "desc",
      page: 1,
      limit: 20,
    });
  });
  it("refuses a range that ends before it starts, unknown sorts and oversized pages", () => {
    expect(creatorStreamsQuerySchema.safeParse({ from: "2026-12-02", to: "2026-12-01" }).success).toBe(false);
    expect(creatorStreamsQuerySchema.safeParse({ from: "2026-12-01", to: "2026-12-01" }).success).toBe(true);
    expect(creatorStreamsQuerySchema.safeParse({ sort: "creator" }).success).toBe(false);
    expect(creatorStreamsQuerySchema.safeParse({ limit: "101" }).success).toBe(false);
    expect(creatorStreamsQuerySchema.safeParse({ status: "live" }).success).toBe(false);
  });
});
