import { describe, expect, it } from "vitest";
import { watchTimeLabel } from "./creator-stats.ts";

describe("watch time", () => {
  it("reads in the largest sensible unit", () => {
    expect(watchTimeLabel(0)).toBe("0 s");
    expect(watchTimeLabel(59.9)).toBe("59 s");
    expect(watchTimeLabel(60)).toBe("1 min");
    expect(watchTimeLabel(3600)).toBe("1 h");
    expect(watchTimeLabel(12_000)).toBe("3 h 20 min");
  });
});
