import { describe, expect, it } from "vitest";
import { createRequestKeys } from "./idempotency.ts";

const counter = () => {
  let n = 0;
  return () => `key-${++n}`;
};

describe("createRequestKeys", () => {
  it("reuses the key while the request stays the same", () => {
    const keys = createRequestKeys(counter());
    const request = { amount: "25.5", reason: "Goodwill" };
    expect(keys.keyFor(request)).toBe("key-1");
    expect(keys.keyFor({ ...request })).toBe("key-1");
  });

  it("hands out a new key once anything changes", () => {
    const keys = createRequestKeys(counter());
    expect(keys.keyFor({ amount: "25.5", reason: "Goodwill" })).toBe("key-1");
    expect(keys.keyFor({ amount: "-100000", reason: "Goodwill" })).toBe("key-2");
    // Going back to an earlier request is a new request, not a replay of the first.
    expect(keys.keyFor({ amount: "25.5", reason: "Goodwill" })).toBe("key-3");
  });

  it("makes random UUIDs by default", () => {
    const a = createRequestKeys().keyFor({ amount: "1" });
    const b = createRequestKeys().keyFor({ amount: "1" });
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });
});
