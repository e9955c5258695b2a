import { describe, expect, it } from "vitest";
import { SESSION_END_REASONS } from "@contracts/metering.ts";
import { intervalCostMillis, isLowBalance, sessionEndNotice } from "./session-end.ts";

describe("sessionEndNotice", () => {
  it("has words for every reason the server gives", () => {
    for (const reason of [...SESSION_END_REASONS, null]) expect(sessionEndNotice(reason).title).not.toBe("");
  });
  it("offers no new session for a stream that ended or a viewer who was removed", () => {
    expect(sessionEndNotice("stream_ended").canRestart).toBe(false);
    expect(sessionEndNotice("removed").canRestart).toBe(false);
    expect(sessionEndNotice("replaced").canRestart).toBe(true);
  });
  it("explains a session closed while the tab was hidden", () => {
    expect(sessionEndNotice("ticks_stopped", { wasHidden: true }).title).toBe("Paused while you were away");
  });
});

describe("isLowBalance", () => {
  it("is low under 50 credits", () => {
    expect(isLowBalance("49.999")).toBe(true);
    expect(isLowBalance("50.000")).toBe(false);
    expect(isLowBalance("0.000")).toBe(true);
    expect(isLowBalance(null)).toBe(false);
    expect(isLowBalance("nonsense")).toBe(false);
  });
});

describe("intervalCostMillis", () => {
  it("prices one interval exactly", () => {
    expect(intervalCostMillis("6.000", 10_000)).toBe(1000n);
    expect(intervalCostMillis("6.000", 2_000)).toBe(200n);
    expect(intervalCostMillis("x", 2_000)).toBeNull();
  });
});
