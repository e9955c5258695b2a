import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { afterBooked, debitFor, decideTick, nextAllowedAt, ticksStopped, type TickState } from "./tick-rules.ts";

const T0 = 1_000_000;
const base: TickState = {
  status: "ACTIVE",
  endReason: null,
  userId: "u1",
  streamId: "s1",
  intervalMs: 10_000,
  ratePerMinute: 6000n,
  startedAt: T0,
  nextIndex: 0,
  lastBookedAt: null,
  billedPlaybackMs: 0,
  lastSeenAt: null,
};
const tick = (intervalIndex: number, playbackMs = 10_000) => ({
  userId: "u1",
  streamId: "s1",
  intervalIndex,
  playbackMs,
});

describe("debitFor", () => {
  it("charges the default rate exactly: 6 credits a minute is 1 credit per 10 s", () => {
    expect(debitFor(6000n, 10_000)).toBe(1000n);
    expect(debitFor(6000n, 0)).toBe(0n);
  });
  it("rounds down, never charging for time not watched", () => {
    expect(debitFor(6000n, 9_999)).toBe(999n);
    expect(debitFor(7000n, 1)).toBe(0n);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10_000_000n }), fc.integer({ min: 0, max: 3_600_000 }), (rate, ms) => {
        const d = debitFor(rate, ms);
        expect(d * 60_000n <= rate * BigInt(ms)).toBe(true);
        expect((d + 1n) * 60_000n > rate * BigInt(ms)).toBe(true);
      }),
    );
  });
  it("refuses negative or fractional playback", () => {
    expect(() => debitFor(6000n, -1)).toThrow(RangeError);
    expect(() => debitFor(6000n, 1.5)).toThrow(RangeError);
  });
});

describe("decideTick", () => {
  it("books the next interval once it has elapsed", () => {
    expect(decideTick(base, tick(0), T0 + 10_000)).toEqual({ kind: "book", amount: 1000n });
  });
  it("answers a booked index as a replay, whatever the session's state", () => {
    const booked = afterBooked(base, tick(0), T0 + 10_000);
    expect(decideTick(booked, tick(0), T0 + 11_000)).toEqual({ kind: "replay", intervalIndex: 0 });
    expect(decideTick({ ...booked, status: "EXHAUSTED" }, tick(0), T0 + 11_000).kind).toBe("replay");
  });
  it("refuses a gap with 400 and the expected index", () => {
    const d = decideTick(base, tick(2), T0 + 30_000);
    expect(d).toMatchObject({ kind: "reject", status: 400, code: "INTERVAL_GAP", details: { expected: 0 } });
  });
  it("refuses a tick sent too early with 429 and when to come back", () => {
    const d = decideTick(base, tick(0), T0 + 2_000);
    expect(d).toMatchObject({ kind: "reject", status: 429, code: "TICK_TOO_EARLY" });
    expect(d.kind === "reject" && d.details).toEqual({ nextAllowedMs: nextAllowedAt(base) - (T0 + 2_000) });
  });
  it("refuses playback longer than an interval (plus tolerance) or negative", () => {
    expect(decideTick(base, tick(0, 11_001), T0 + 20_000)).toMatchObject({ code: "PLAYBACK_OUT_OF_RANGE" });
    expect(decideTick(base, tick(0, -5), T0 + 20_000)).toMatchObject({ code: "PLAYBACK_OUT_OF_RANGE" });
    expect(decideTick(base, tick(0, 11_000), T0 + 20_000).kind).toBe("book");
  });
  it("never bills more playback than wall-clock time since the session started", () => {
    // Three full intervals booked, each as early as the tolerance allows…
    let s = base;
    let now = T0;
    for (let i = 0; i < 3; i += 1) {
      now = nextAllowedAt(s);
      const d = decideTick(s, tick(i, 11_000), now);
      if (d.kind !== "book") {
        expect(d).toMatchObject({ code: "BILLED_TIME_EXCEEDED" });
        return;
      }
      s = afterBooked(s, tick(i, 11_000), now);
    }
    expect.unreachable("over-long playback at the earliest instants must hit the wall-clock cap");
  });
  it("answers 402 once exhausted and 409 with the reason once ended", () => {
    expect(decideTick({ ...base, status: "EXHAUSTED" }, tick(0), T0 + 10_000)).toMatchObject({
      status: 402,
      code: "INSUFFICIENT_CREDITS",
    });
    expect(decideTick({ ...base, status: "ENDED", endReason: "stream_ended" }, tick(0), T0 + 10_000)).toMatchObject({
      status: 409,
      code: "SESSION_NOT_ACTIVE",
      details: { reason: "stream_ended" },
    });
  });
  it("refuses another user's tick", () => {
    expect(decideTick(base, { ...tick(0), userId: "u2" }, T0 + 10_000)).toMatchObject({ status: 403 });
  });
  it("bills at most the elapsed time over any schedule of ticks", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ wait: fc.integer({ min: 0, max: 25_000 }), playback: fc.integer({ min: 0, max: 12_000 }) }),
        ),
        (steps) => {
          let s = base;
          let now = T0;
          let billed = 0n;
          for (const step of steps) {
            now += step.wait;
            const d = decideTick(s, tick(s.nextIndex, step.playback), now);
            if (d.kind === "book") {
              billed += d.amount;
              s = afterBooked(s, tick(s.nextIndex, step.playback), now);
            }
          }
          // Billed playback never exceeds elapsed time plus one tolerance, nor money the playback.
          expect(s.billedPlaybackMs).toBeLessThanOrEqual(now - T0 + 1000);
          expect(billed).toBeLessThanOrEqual(debitFor(6000n, s.billedPlaybackMs));
        },
      ),
    );
  });
});

describe("ticksStopped", () => {
  it("fires only after two intervals without a booking", () => {
    expect(ticksStopped(base, T0 + 20_000)).toBe(false);
    expect(ticksStopped(base, T0 + 20_001)).toBe(true);
    const booked = afterBooked(base, tick(0), T0 + 10_000);
    expect(ticksStopped(booked, T0 + 30_000)).toBe(false);
    expect(ticksStopped({ ...booked, status: "ENDED" }, T0 + 90_000)).toBe(false);
    // A viewer still ticking while the stream is paused is there, though nothing is booked.
    expect(ticksStopped({ ...booked, lastSeenAt: T0 + 25_000 }, T0 + 40_000)).toBe(false);
  });
});
