import { describe, expect, it } from "vitest";
import { addTags, splitTagInput } from "./tags.ts";

describe("splitTagInput", () => {
  it("cuts at commas, trims, lower-cases and drops blanks", () => {
    expect(splitTagInput(" Speedrun, ,RETRO ,  pixel art,")).toEqual(["speedrun", "retro", "pixel art"]);
    expect(splitTagInput(" , ")).toEqual([]);
  });
});

describe("addTags", () => {
  it("adds new tags once each, in order", () => {
    expect(addTags(["retro"], ["Speedrun", "RETRO", "speedrun", "chill"])).toEqual({
      tags: ["retro", "speedrun", "chill"],
      added: ["speedrun", "chill"],
      error: null,
    });
  });

  it("refuses a tag longer than 24 characters and keeps what came before it", () => {
    const result = addTags([], ["ok", "x".repeat(25), "later"]);
    expect(result.tags).toEqual(["ok"]);
    expect(result.error).toBe("A tag has at most 24 characters");
    expect(addTags([], ["y".repeat(24)]).error).toBeNull();
  });

  it("stops at ten tags", () => {
    const nine = Array.from({ length: 9 }, (_, i) => `t${i}`);
    const result = addTags(nine, ["tenth", "eleventh"]);
    expect(result.tags).toHaveLength(10);
    expect(result.tags.at(-1)).toBe("tenth");
    expect(result.error).toBe("At most 10 tags");
    // A duplicate of one already there is no eleventh tag.
    expect(addTags(result.tags, ["T0"]).error).toBeNull();
  });
});
