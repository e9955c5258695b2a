import { describe, expect, it } from "vitest";
import { parseRecentSearches, rememberSearch, RECENT_SEARCHES_KEPT } from "./recent-searches.ts";

describe("recent searches", () => {
  it("puts the newest first, drops case-insensitive duplicates and keeps a few", () => {
    let list: string[] = [];
    for (const term of ["chess", "music", " Chess ", "art", "cooking", "speedrun", "news"])
      list = rememberSearch(list, term);
    expect(list).toEqual(["news", "speedrun", "cooking", "art", "Chess"]);
    expect(list).toHaveLength(RECENT_SEARCHES_KEPT);
    expect(rememberSearch(list, "   ")).toEqual(list);
  });

  it("reads only a list of strings back from storage", () => {
    expect(parseRecentSearches('["a","b"]')).toEqual(["a", "b"]);
    expect(parseRecentSearches('{"a":1}')).toEqual([]);
    expect(parseRecentSearches("not json")).toEqual([]);
    expect(parseRecentSearches('["a", 3, "", null]')).toEqual(["a"]);
    expect(parseRecentSearches(null)).toEqual([]);
  });
});
