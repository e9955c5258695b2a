import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api/api-error.ts";
import { backoffDelay, classifyTickError } from "./tick-failure.ts";

const result = { success: true, intervalIndex: 4, debited: "1.000", remainingCredits: "9.000", nextAllowedMs: 9000 };

describe("classifyTickError", () => {
  it("reads each metering refusal with its details", () => {
    expect(classifyTickError(new ApiError(409, "INTERVAL_ALREADY_BOOKED", "x", result))).toEqual({
      kind: "replayed",
      result,
    });
    expect(classifyTickError(new ApiError(409, "INTERVAL_ALREADY_BOOKED", "x"))).toEqual({
      kind: "replayed",
      result: null,
    });
    expect(classifyTickError(new ApiError(429, "TICK_TOO_EARLY", "x", { nextAllowedMs: 250 }))).toEqual({
      kind: "too_early",
      waitMs: 250,
    });
    expect(classifyTickError(new ApiError(400, "INTERVAL_GAP", "x", { expected: 2 }))).toEqual({
      kind: "gap",
      expected: 2,
    });
    expect(classifyTickError(new ApiError(409, "STREAM_NOT_LIVE", "x"))).toEqual({ kind: "stream_paused" });
    expect(
      classifyTickError(new ApiError(402, "INSUFFICIENT_CREDITS", "x", { needed: "1.000", balance: "0.200" })),
    ).toEqual({ kind: "exhausted", needed: "1.000", balance: "0.200" });
    expect(classifyTickError(new ApiError(409, "SESSION_NOT_ACTIVE", "x", { reason: "removed" }))).toEqual({
      kind: "ended",
      reason: "removed",
    });
    expect(classifyTickError(new ApiError(409, "SESSION_NOT_ACTIVE", "x", { reason: "bogus" }))).toEqual({
      kind: "ended",
      reason: null,
    });
  });

  it("retries what nobody decided: the network, 5xx, rate limits, unreadable answers", () => {
    expect(classifyTickError(new ApiError(0, "NETWORK_ERROR", "x")).kind).toBe("transient");
    expect(classifyTickError(new ApiError(502, "HTTP_ERROR", "x")).kind).toBe("transient");
    expect(classifyTickError(new ApiError(429, "RATE_LIMITED", "x")).kind).toBe("transient");
    expect(classifyTickError(new ApiError(200, "INVALID_RESPONSE", "x")).kind).toBe("transient");
    expect(classifyTickError(new TypeError("boom")).kind).toBe("transient");
  });

  it("gives up on other refusals", () => {
    expect(classifyTickError(new ApiError(403, "FORBIDDEN", "x")).kind).toBe("fatal");
    expect(classifyTickError(new ApiError(400, "PLAYBACK_OUT_OF_RANGE", "x")).kind).toBe("fatal");
    expect(classifyTickError(new ApiError(401, "UNAUTHORIZED", "x")).kind).toBe("fatal");
  });
});

describe("backoffDelay", () => {
  const options = { baseMs: 500, maxMs: 8000 };
  it("doubles up to the cap", () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => backoffDelay(n, options, () => 0.5))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });
  it("spreads by ±20 %", () => {
    expect(backoffDelay(1, options, () => 0)).toBe(800);
    expect(backoffDelay(1, options, () => 0.999999)).toBe(1200);
  });
});
