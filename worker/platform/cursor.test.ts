import { describe, expect, it } from "vitest";
import {
  decodeCursorJson,
  decodeCursorText,
  encodeCursor,
  isPgTimestamptz,
  isUuid,
  parseIsoInstant,
} from "./cursor.ts";

describe("cursor parts", () => {
  it("refuses text that is not base64", () => {
    expect(() => decodeCursorText("A")).toThrow(/cursor/);
    expect(decodeCursorText(btoa("1:2"))).toBe("1:2");
  });

  it("round-trips JSON through URL-safe base64 and refuses base64 of anything else", () => {
    const value = {
      r: 0,
      v: 3,
      t: "2026-12-02 01:45:05.123456+00",
      id: "0b7e2a5c-1f7e-4a59-9a53-2f1f0d0e8c11",
      s: "ÿ?>",
    };
    const cursor = encodeCursor(value);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursorJson(cursor)).toEqual(value);
    expect(() => decodeCursorJson(btoa("not json"))).toThrow(/cursor/);
  });

  it("accepts only real UUIDs", () => {
    expect(isUuid("0b7e2a5c-1f7e-4a59-9a53-2f1f0d0e8c11")).toBe(true);
    expect(isUuid("-".repeat(36))).toBe(false);
    expect(isUuid(42)).toBe(false);
  });

  it("accepts only ISO instants toISOString writes", () => {
    expect(parseIsoInstant("2026-12-02T01:45:05.123Z")?.getTime()).toBe(Date.parse("2026-12-02T01:45:05.123Z"));
    expect(parseIsoInstant("-271821-04-20T00:00:00.000Z")).toBeUndefined();
    expect(parseIsoInstant("2026-02-30T00:00:00.000Z")).toBeUndefined();
    expect(parseIsoInstant("1")).toBeUndefined();
  });

  it("accepts only calendar-valid Postgres timestamps", () => {
    expect(isPgTimestamptz("2026-12-02 01:45:05.123456+00")).toBe(true);
    expect(isPgTimestamptz("2026-12-02 01:45:05+05:30")).toBe(true);
    expect(isPgTimestamptz("2026-02-30 01:45:05+00")).toBe(false);
    expect(isPgTimestamptz("2026-12-02T01:45:05Z")).toBe(false);
    expect(isPgTimestamptz("Tue, 01 Jan 2030")).toBe(false);
  });
});
