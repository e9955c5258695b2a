import { describe, expect, it } from "vitest";
import { discoverParams, filtersFromParams, paramsFromFilters } from "./browse-filters.ts";

describe("browse filters in the URL", () => {
  it("round-trips through search params, leaving empty filters out", () => {
    const f = filtersFromParams({ q: "chess", category: "gaming", live: "1" });
    expect(f).toEqual({ q: "chess", category: "gaming", liveOnly: true });
    expect(paramsFromFilters(f)).toEqual({ q: "chess", category: "gaming", live: "1" });
    expect(paramsFromFilters({ q: "  ", category: "", liveOnly: false })).toEqual({
      q: undefined,
      category: undefined,
      live: undefined,
    });
  });

  it("ignores a malformed category and caps the query", () => {
    expect(filtersFromParams({ category: "<script>", q: "x".repeat(300) })).toEqual({
      q: "x".repeat(100),
      category: "",
      liveOnly: false,
    });
  });

  it("asks the API for live-only or everything", () => {
    expect(discoverParams({ q: " art ", category: "", liveOnly: true }, 20)).toEqual({
      status: "live",
      search: "art",
      limit: 20,
    });
    expect(discoverParams({ q: "", category: "music", liveOnly: false }, 20)).toEqual({
      status: "all",
      category: "music",
      limit: 20,
    });
  });
});
