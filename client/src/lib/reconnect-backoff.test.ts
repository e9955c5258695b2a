import { describe, expect, it } from "vitest";
import { RECONNECT_CAP_MS, reconnectDelay } from "./reconnect-backoff.ts";

describe("reconnectDelay", () => {
  it("doubles the ceiling on each attempt, between half of it and all of it", () => {
    expect(reconnectDelay(0, () => 0)).toBe(500);
    expect(reconnectDelay(0, () => 1)).toBe(1_000);
    expect(reconnectDelay(3, () => 0)).toBe(4_000);
    expect(reconnectDelay(3, () => 1)).toBe(8_000);
  });

  it("never waits longer than the cap, however many attempts failed", () => {
    for (const attempt of [5, 10, 50, 1_000]) {
      expect(reconnectDelay(attempt, () => 1)).toBe(RECONNECT_CAP_MS);
      expect(reconnectDelay(attempt, () => 0)).toBe(RECONNECT_CAP_MS / 2);
    }
  });

  it("spreads retries with jitter", () => {
    const delays = new Set([0.1, 0.4, 0.9].map((r) => reconnectDelay(4, () => r)));
    expect(delays.size).toBe(3);
  });

  it("treats a negative attempt as the first", () => {
    expect(reconnectDelay(-2, () => 1)).toBe(1_000);
  });
});
