import { describe, expect, it } from "vitest";
import {
  DEFAULT_VIEW,
  durationLabel,
  pageCount,
  paramsFromView,
  queryOfView,
  toggleSort,
  viewFromParams,
} from "./streams-page-params.ts";

describe("viewFromParams / paramsFromView", () => {
  it("reads the defaults from an empty URL and writes none back", () => {
    expect(viewFromParams({})).toEqual(DEFAULT_VIEW);
    expect(Object.values(paramsFromView(DEFAULT_VIEW)).filter((v) => v !== undefined)).toEqual([]);
  });

  it("round-trips every field", () => {
    const view = {
      status: "ENDED",
      from: "2026-11-01",
      to: "2026-11-30",
      q: "chess",
      sort: "revenue",
      dir: "asc",
      page: 3,
    } as const;
    const params = paramsFromView(view);
    expect(params).toEqual({
      status: "ENDED",
      from: "2026-11-01",
      to: "2026-11-30",
      q: "chess",
      sort: "revenue",
      dir: "asc",
      page: "3",
    });
    expect(viewFromParams(params)).toEqual(view);
  });

  it("falls back to defaults for malformed values", () => {
    expect(
      viewFromParams({ status: "live", from: "2026-13-45", to: "soon", sort: "creator", dir: "up", page: "-2" }),
    ).toEqual(DEFAULT_VIEW);
    expect(viewFromParams({ page: "1.5" }).page).toBe(1);
    expect(viewFromParams({ from: "2026-11-20", to: "2026-11-10" })).toMatchObject({ from: "2026-11-20", to: "" });
    expect(viewFromParams({ sort: "title" }).dir).toBe("asc");
    expect(viewFromParams({ sort: ["viewers", "title"] }).sort).toBe("viewers");
  });
});

describe("toggleSort", () => {
  it("flips the current column and starts another at its own default, back on page 1", () => {
    const onPage2 = { ...DEFAULT_VIEW, page: 2 };
    expect(toggleSort(onPage2, "date")).toMatchObject({ sort: "date", dir: "asc", page: 1 });
    expect(toggleSort(onPage2, "title")).toMatchObject({ sort: "title", dir: "asc", page: 1 });
    expect(toggleSort({ ...DEFAULT_VIEW, sort: "title", dir: "asc" }, "title")).toMatchObject({ dir: "desc" });
    expect(toggleSort(onPage2, "revenue")).toMatchObject({ sort: "revenue", dir: "desc" });
  });
});

describe("queryOfView", () => {
  it("sends blanks as absent", () => {
    expect(queryOfView({ ...DEFAULT_VIEW, q: "  " })).toEqual({
      status: "all",
      sort: "date",
      dir: "desc",
      page: 1,
      limit: 20,
    });
    expect(queryOfView({ ...DEFAULT_VIEW, q: " chess ", from: "2026-11-01" })).toMatchObject({
      search: "chess",
      from: "2026-11-01",
    });
  });
});

describe("labels", () => {
  it("reads durations and page counts", () => {
    expect(durationLabel(null)).toBe("—");
    expect(durationLabel(45)).toBe("45 s");
    expect(durationLabel(720)).toBe("12 min");
    expect(durationLabel(3900)).toBe("1 h 05 min");
    expect(pageCount(0)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
  });
});
