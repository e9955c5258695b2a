import { describe, expect, it } from "vitest";
import type { StreamDto } from "@contracts/streams.ts";
import { activeStream, formatDuration, rateLabel, streamElapsedMs, viewersLabel } from "./stream-display.ts";

describe("formatDuration", () => {
  it("shows minutes and seconds, and hours once there are some", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(5_999)).toBe("0:05");
    expect(formatDuration(754_000)).toBe("12:34");
    expect(formatDuration(3_723_000)).toBe("1:02:03");
    expect(formatDuration(-10)).toBe("0:00");
  });
});

describe("streamElapsedMs", () => {
  it("runs from the start to the end, or to now", () => {
    const startedAt = "2030-01-01T00:00:00.000Z";
    expect(streamElapsedMs({ startedAt: null, endedAt: null }, 0)).toBeNull();
    expect(streamElapsedMs({ startedAt, endedAt: null }, Date.parse(startedAt) + 65_000)).toBe(65_000);
    expect(streamElapsedMs({ startedAt, endedAt: "2030-01-01T00:01:00.000Z" }, Date.parse(startedAt) + 1e9)).toBe(
      60_000,
    );
  });
});

describe("labels", () => {
  it("reads rates and viewer counts", () => {
    expect(rateLabel("6.000")).toBe("6 credits/min");
    expect(rateLabel("1.000")).toBe("1 credit/min");
    expect(rateLabel("2.500")).toBe("2.5 credits/min");
    expect(viewersLabel(1)).toBe("1 viewer");
    expect(viewersLabel(0)).toBe("0 viewers");
  });
});

describe("activeStream", () => {
  const stream = (id: string, status: StreamDto["status"]) => ({ id, status }) as StreamDto;
  it("finds the newest stream that has not ended", () => {
    expect(activeStream([stream("a", "ENDED"), stream("b", "PAUSED"), stream("c", "LIVE")])?.id).toBe("b");
    expect(activeStream([stream("a", "ENDED")])).toBeNull();
    expect(activeStream([])).toBeNull();
  });
});
