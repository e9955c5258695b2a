import { describe, expect, it } from "vitest";
import { relativeTime } from "./relative-time.ts";

const now = Date.UTC(2026, 5, 15, 12, 0, 0);
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe("relativeTime", () => {
  it.each([
    [10, "just now"],
    [90, "2 minutes ago"],
    [59 * 60, "59 minutes ago"],
    [2 * 3600, "2 hours ago"],
    [26 * 3600, "yesterday"],
    [3 * 86400, "3 days ago"],
    [15 * 86400, "2 weeks ago"],
    [70 * 86400, "2 months ago"],
    [800 * 86400, "2 years ago"],
  ])("%i seconds ago reads %s", (seconds, text) => {
    expect(relativeTime(ago(seconds), now)).toBe(text);
  });

  it("says nothing for a bad date", () => {
    expect(relativeTime("nope", now)).toBe("");
  });
});
