import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { MeterResultDto, MeterTickInput } from "@contracts/metering.ts";
import { ApiError } from "../../lib/api/api-error.ts";
import { createMeteringLoop, type MeteringLoopOptions, type MeteringStop } from "./metering-loop.ts";

const INTERVAL = 10_000;
const STREAM = "5b0c8a3e-8a39-4f3c-9a51-2d7d5b9b1c11";
const SESSION = "0b0f6a52-8a39-4f3c-9a51-2d7d5b9b1c11";

type Reply = MeterResultDto | ApiError | "hang";

const booked = (tick: MeterTickInput, extra: Partial<MeterResultDto> = {}): MeterResultDto => ({
  success: true,
  intervalIndex: tick.intervalIndex,
  debited: "1.000",
  remainingCredits: "99.000",
  nextAllowedMs: INTERVAL - 1_000,
  ...extra,
});
const networkError = () => new ApiError(0, "NETWORK_ERROR", "offline");

/** A loop whose server answers from a script (then books everything), on fake timers. */
function harness(options: Partial<MeteringLoopOptions> = {}) {
  const sent: (MeterTickInput & { at: number })[] = [];
  const script: ((tick: MeterTickInput) => Reply)[] = [];
  const bookedTicks: { tick: MeterTickInput; result: MeterResultDto | null }[] = [];
  const stops: MeteringStop[] = [];
  const start = Date.now();
  const loop = createMeteringLoop({
    session: { streamId: STREAM, sessionId: SESSION, intervalMs: INTERVAL },
    sendTick: async (tick) => {
      sent.push({ ...tick, at: Date.now() - start });
      const reply = (script.shift() ?? ((t: MeterTickInput) => booked(t)))(tick);
      if (reply === "hang") return new Promise<MeterResultDto>(() => undefined);
      if (reply instanceof ApiError) throw reply;
      return reply;
    },
    onBooked: (tick, result) => bookedTicks.push({ tick, result }),
    onStopped: (stop) => stops.push(stop),
    random: () => 0.5, // no jitter
    ...options,
  });
  return { loop, sent, script, bookedTicks, stops };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2030-01-01T00:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createMeteringLoop", () => {
  it("ticks once per interval with consecutive indexes and the playback it counted", async () => {
    const { loop, sent, bookedTicks } = harness();
    loop.setPlaying(true);
    await vi.advanceTimersByTimeAsync(INTERVAL - 1);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(2 * INTERVAL);
    expect(sent.map(({ intervalIndex, playbackMs, at }) => ({ intervalIndex, playbackMs, at }))).toEqual([
      { intervalIndex: 0, playbackMs: INTERVAL, at: INTERVAL },
      { intervalIndex: 1, playbackMs: INTERVAL, at: 2 * INTERVAL },
      { intervalIndex: 2, playbackMs: INTERVAL, at: 3 * INTERVAL },
    ]);
    expect(sent[0]).toMatchObject({ streamId: STREAM, sessionId: SESSION });
    expect(bookedTicks.map((b) => b.result?.intervalIndex)).toEqual([0, 1, 2]);
    expect(loop.intervalIndex()).toBe(3);
  });

  it("reports only the time the video was playing", async () => {
    const { loop, sent } = harness();
    await vi.advanceTimersByTimeAsync(1_500); // connecting: nothing to bill
    loop.setPlaying(true);
    await vi.advanceTimersByTimeAsync(3_000);
    loop.setPlaying(false); // buffering
    await vi.advanceTimersByTimeAsync(2_000);
    loop.setPlaying(true);
    await vi.advanceTimersByTimeAsync(3_500);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.playbackMs).toBe(6_500);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(sent[1]?.playbackMs).toBe(INTERVAL);
  });

  it("counts the next interval from the server's nextAllowedMs when it is later", async () => {
    const { loop, sent, script } = harness();
    loop.setPlaying(true);
    script.push((tick) => booked(tick, { nextAllowedMs: 15_000 }));
    await vi.advanceTimersByTimeAsync(INTERVAL + 15_000);
    expect(sent.map((t) => t.at)).toEqual([INTERVAL, INTERVAL + 15_000]);
  });

  it("backs off exponentially on network errors, replaying the same interval, then carries on", async () => {
    const { loop, sent, script, bookedTicks } = harness();
    loop.setPlaying(true);
    script.push(networkError, networkError, networkError);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(loop.status()).toBe("retrying");
    await vi.advanceTimersByTimeAsync(500 + 1_000 + 2_000);
    expect(sent.map(({ intervalIndex, playbackMs, at }) => ({ intervalIndex, playbackMs, at }))).toEqual([
      { intervalIndex: 0, playbackMs: INTERVAL, at: INTERVAL },
      { intervalIndex: 0, playbackMs: INTERVAL, at: INTERVAL + 500 },
      { intervalIndex: 0, playbackMs: INTERVAL, at: INTERVAL + 1_500 },
      { intervalIndex: 0, playbackMs: INTERVAL, at: INTERVAL + 3_500 },
    ]);
    expect(bookedTicks).toHaveLength(1);
    expect(loop.status()).toBe("running");
    // The next interval closed on time; the playback counted during the retries goes into it.
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(sent[4]).toMatchObject({ intervalIndex: 1, playbackMs: INTERVAL });
  });

  it("caps the backoff", async () => {
    const { loop, sent, script } = harness({ backoff: { baseMs: 1_000, maxMs: 4_000 } });
    loop.setPlaying(true);
    for (let i = 0; i < 5; i++) script.push(() => new ApiError(503, "SERVICE_UNAVAILABLE", "busy"));
    await vi.advanceTimersByTimeAsync(INTERVAL + 1_000 + 2_000 + 4_000 + 4_000 + 4_000);
    const gaps = sent.slice(1).map((t, i) => t.at - (sent[i]?.at ?? 0));
    expect(gaps).toEqual([1_000, 2_000, 4_000, 4_000, 4_000]);
  });

  it("treats 409 INTERVAL_ALREADY_BOOKED as booked, with the original result", async () => {
    const { loop, sent, script, bookedTicks } = harness();
    loop.setPlaying(true);
    script.push(networkError); // the answer was lost on the way back…
    script.push(
      (tick) =>
        new ApiError(
          409,
          "INTERVAL_ALREADY_BOOKED",
          "booked",
          booked(tick, { remainingCredits: "42.000", nextAllowedMs: 8_500 }),
        ),
    );
    await vi.advanceTimersByTimeAsync(INTERVAL + 500);
    expect(sent.map((t) => t.intervalIndex)).toEqual([0, 0]);
    expect(bookedTicks).toEqual([
      {
        tick: expect.objectContaining({ intervalIndex: 0 }),
        result: expect.objectContaining({ remainingCredits: "42.000" }),
      },
    ]);
    expect(loop.intervalIndex()).toBe(1);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(sent[2]?.intervalIndex).toBe(1);
  });

  it("waits the server's nextAllowedMs after 429 TICK_TOO_EARLY and sends the same tick again", async () => {
    const { loop, sent, script } = harness();
    loop.setPlaying(true);
    script.push(() => new ApiError(429, "TICK_TOO_EARLY", "early", { nextAllowedMs: 700 }));
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(loop.nextTickAt()).toBe(Date.now() + 700);
    await vi.advanceTimersByTimeAsync(699);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ intervalIndex: 0, playbackMs: INTERVAL });
  });

  it("keeps the session through STREAM_NOT_LIVE and retries the same interval", async () => {
    const { loop, sent, script, stops } = harness();
    loop.setPlaying(true);
    script.push(() => new ApiError(409, "STREAM_NOT_LIVE", "paused"));
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(loop.status()).toBe("stream_paused");
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent.map((t) => t.intervalIndex)).toEqual([0, 0]);
    expect(stops).toEqual([]);
    expect(loop.status()).toBe("running");
  });

  it("follows the server's index after 400 INTERVAL_GAP", async () => {
    const { loop, sent, script } = harness();
    loop.setPlaying(true);
    script.push(() => new ApiError(400, "INTERVAL_GAP", "gap", { expected: 3 }));
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(sent.map((t) => t.intervalIndex)).toEqual([0, 3]);
    expect(loop.intervalIndex()).toBe(4);
  });

  it("stops for good on 402 INSUFFICIENT_CREDITS", async () => {
    const { loop, sent, script, stops } = harness();
    loop.setPlaying(true);
    script.push(() => new ApiError(402, "INSUFFICIENT_CREDITS", "out", { needed: "1.000", balance: "0.400" }));
    await vi.advanceTimersByTimeAsync(5 * INTERVAL);
    expect(sent).toHaveLength(1);
    expect(stops).toEqual([{ kind: "exhausted", needed: "1.000", balance: "0.400" }]);
    expect(loop.status()).toBe("stopped");
    expect(loop.nextTickAt()).toBeNull();
  });

  it("stops with the server's reason on 409 SESSION_NOT_ACTIVE", async () => {
    const { loop, sent, script, stops } = harness();
    loop.setPlaying(true);
    script.push(() => new ApiError(409, "SESSION_NOT_ACTIVE", "ended", { reason: "replaced" }));
    await vi.advanceTimersByTimeAsync(3 * INTERVAL);
    expect(sent).toHaveLength(1);
    expect(stops).toEqual([{ kind: "ended", reason: "replaced" }]);
  });

  it("stops on a refusal that a retry would not fix", async () => {
    const { loop, script, stops } = harness();
    loop.setPlaying(true);
    const refusal = new ApiError(403, "FORBIDDEN", "not yours");
    script.push(() => refusal);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(stops).toEqual([{ kind: "error", error: refusal }]);
  });

  it("neither ticks nor bills while the tab is hidden, and resumes where it stopped", async () => {
    const { loop, sent } = harness();
    loop.setPlaying(true);
    await vi.advanceTimersByTimeAsync(4_000);
    loop.setVisible(false);
    expect(loop.status()).toBe("hidden");
    expect(loop.nextTickAt()).toBeNull();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toEqual([]);
    loop.setVisible(true);
    await vi.advanceTimersByTimeAsync(5_999);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ intervalIndex: 0, playbackMs: INTERVAL, at: 70_000 });
  });

  it("holds a failed tick while hidden and sends it as soon as the tab shows again", async () => {
    const { loop, sent, script } = harness();
    loop.setPlaying(true);
    script.push(networkError);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    loop.setVisible(false);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sent).toHaveLength(1);
    loop.setVisible(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ intervalIndex: 0, playbackMs: INTERVAL, at: 40_000 });
  });

  it("sends nothing while offline and retries at once when back online", async () => {
    const { loop, sent, script } = harness();
    loop.setPlaying(true);
    script.push(networkError);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    loop.setOnline(false);
    expect(loop.status()).toBe("offline");
    await vi.advanceTimersByTimeAsync(20_000);
    expect(sent).toHaveLength(1);
    loop.setOnline(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.intervalIndex).toBe(0);
  });

  it("does not tick after stop()", async () => {
    const { loop, sent, stops } = harness();
    loop.setPlaying(true);
    await vi.advanceTimersByTimeAsync(INTERVAL / 2);
    loop.stop();
    await vi.advanceTimersByTimeAsync(3 * INTERVAL);
    expect(sent).toEqual([]);
    expect(stops).toEqual([{ kind: "left" }]);
  });

  it("drops the answer of a tick in flight when stopped", async () => {
    const { loop, bookedTicks, script } = harness();
    loop.setPlaying(true);
    script.push(() => "hang");
    await vi.advanceTimersByTimeAsync(INTERVAL);
    loop.stop();
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(bookedTicks).toEqual([]);
  });

  describe("finish()", () => {
    it("sends the open interval early and reports why the server ended the session", async () => {
      const { loop, sent, script } = harness();
      loop.setPlaying(true);
      await vi.advanceTimersByTimeAsync(INTERVAL + 3_000);
      script.push(() => new ApiError(409, "SESSION_NOT_ACTIVE", "ended", { reason: "ticks_stopped" }));
      const stop = loop.finish();
      await vi.advanceTimersByTimeAsync(0);
      await expect(stop).resolves.toEqual({ kind: "ended", reason: "ticks_stopped" });
      expect(sent[1]).toMatchObject({ intervalIndex: 1, playbackMs: 3_000 });
    });

    it("reports an unknown reason when the session is still active", async () => {
      const { loop, script } = harness();
      loop.setPlaying(true);
      await vi.advanceTimersByTimeAsync(2_000);
      script.push(() => new ApiError(429, "TICK_TOO_EARLY", "early", { nextAllowedMs: 7_000 }));
      const stop = loop.finish();
      await vi.advanceTimersByTimeAsync(0);
      await expect(stop).resolves.toEqual({ kind: "ended", reason: null });
    });

    it("gives up asking after repeated network errors", async () => {
      const { loop, sent, script } = harness();
      loop.setPlaying(true);
      script.push(networkError, networkError, networkError);
      const stop = loop.finish();
      await vi.advanceTimersByTimeAsync(1_000);
      await expect(stop).resolves.toEqual({ kind: "ended", reason: null });
      expect(sent).toHaveLength(2);
    });

    it("waits for a tick in flight, and resolves at once once stopped", async () => {
      const { loop, script } = harness();
      loop.setPlaying(true);
      script.push(() => new ApiError(402, "INSUFFICIENT_CREDITS", "out"));
      await vi.advanceTimersByTimeAsync(INTERVAL - 1);
      const stop = loop.finish();
      await vi.advanceTimersByTimeAsync(0);
      await expect(stop).resolves.toEqual({ kind: "exhausted", needed: null, balance: null });
      await expect(loop.finish()).resolves.toEqual({ kind: "exhausted", needed: null, balance: null });
    });
  });
});
