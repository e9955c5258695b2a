import { describe, expect, it } from "vitest";
import { emptyMessage, parseReadFilter } from "./notifications-page-state.ts";

describe("parseReadFilter", () => {
  it("reads unread and read, anything else is all", () => {
    expect(parseReadFilter("unread")).toBe("unread");
    expect(parseReadFilter(["read", "unread"])).toBe("read");
    expect(parseReadFilter("bogus")).toBe("all");
    expect(parseReadFilter(undefined)).toBe("all");
  });
  it("has an empty message per filter", () => {
    expect(new Set(["all", "unread", "read"].map((f) => emptyMessage(parseReadFilter(f)))).size).toBe(3);
  });
});
