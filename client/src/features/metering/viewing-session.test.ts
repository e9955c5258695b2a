import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRoot } from "solid-js";
import type { MeterResultDto, MeterTickInput, ViewingSessionDto } from "@contracts/metering.ts";
import { ApiError } from "../../lib/api/api-error.ts";
import { createViewingSession, type ViewingSessionDeps } from "./viewing-session.ts";

const INTERVAL = 2_000;
const session: ViewingSessionDto = {
  sessionId: "0b0f6a52-8a39-4f3c-9a51-2d7d5b9b1c11",
  streamId: "5b0c8a3e-8a39-4f3c-9a51-2d7d5b9b1c11",
  meteringRate: "6.000",
  minimumBalance: "0.200",
  intervalMs: INTERVAL,
  remainingCredits: "10.000",
  token: "t",
  livekitUrl: "ws://lk",
  roomName: "room",
  identity: "viewer:1",
  meterSocketPath: "/api/meter/socket",
};

function harness(overrides: Partial<ViewingSessionDeps> = {}) {
  const ticks: MeterTickInput[] = [];
  const replies: ((tick: MeterTickInput) => MeterResultDto | ApiError)[] = [];
  const left: string[] = [];
  let visible = true;
  const visibility = new Set<() => void>();
  const pageHide = new Set<() => void>();
  const deps: ViewingSessionDeps = {
    startSession: async () => session,
    sendTick: async (tick) => {
      ticks.push(tick);
      const reply = (replies.shift() ?? ((t: MeterTickInput) => result(t, "9.800")))(tick);
      if (reply instanceof ApiError) throw reply;
      return reply;
    },
    leaveSession: async (_streamId, sessionId) => {
      left.push(sessionId);
    },
    isVisible: () => visible,
    onVisibilityChange: (listener) => {
      visibility.add(listener);
      return () => visibility.delete(listener);
    },
    isOnline: () => true,
    onNetworkChange: () => () => undefined,
    onPageHide: (listener) => {
      pageHide.add(listener);
      return () => pageHide.delete(listener);
    },
    ...overrides,
  };
  let dispose = () => undefined as void;
  const store = createRoot((d) => {
    dispose = d;
    return createViewingSession(deps);
  });
  return {
    store,
    ticks,
    replies,
    left,
    dispose: () => dispose(),
    setVisible: (next: boolean) => {
      visible = next;
      for (const listener of visibility) listener();
    },
    hidePage: () => {
      for (const listener of pageHide) listener();
    },
  };
}

const result = (tick: MeterTickInput, remaining: string): MeterResultDto => ({
  success: true,
  intervalIndex: tick.intervalIndex,
  debited: "0.200",
  remainingCredits: remaining,
  nextAllowedMs: INTERVAL - 400,
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createViewingSession", () => {
  it("starts a session, meters it and follows the balance", async () => {
    const { store, ticks, dispose } = harness();
    expect(store.phase().kind).toBe("idle");
    await store.start(session.streamId);
    expect(store.phase()).toEqual({ kind: "watching", session });
    expect(store.remainingCredits()).toBe("10.000");
    store.setPlaying(true);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(ticks).toEqual([expect.objectContaining({ intervalIndex: 0, playbackMs: INTERVAL })]);
    expect(store.remainingCredits()).toBe("9.800");
    expect(store.lastDebit()).toBe("0.200");
    expect(store.nextTickAt()).toBe(Date.now() + INTERVAL);
    dispose();
  });

  it("says how much is missing when the balance cannot pay for the start", async () => {
    const refusal = new ApiError(402, "INSUFFICIENT_CREDITS", "low", { needed: "0.200", balance: "0.100" });
    const { store, dispose } = harness({ startSession: () => Promise.reject(refusal) });
    expect(await store.start(session.streamId)).toBeNull();
    expect(store.phase()).toEqual({ kind: "exhausted", needed: "0.200", balance: "0.100" });
    dispose();
  });

  it("explains any other refusal to start", async () => {
    const refusal = new ApiError(409, "STREAM_NOT_LIVE", "not live");
    const { store, dispose } = harness({ startSession: () => Promise.reject(refusal) });
    await store.start(session.streamId);
    expect(store.phase()).toEqual({ kind: "failed", error: refusal });
    dispose();
  });

  it("turns a 402 on a tick into the exhausted phase, without a goodbye", async () => {
    const { store, replies, left, dispose } = harness();
    await store.start(session.streamId);
    replies.push(() => new ApiError(402, "INSUFFICIENT_CREDITS", "out", { reason: "exhausted" }));
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(store.phase()).toEqual({ kind: "exhausted", needed: null, balance: null });
    expect(store.nextTickAt()).toBeNull();
    store.leave();
    expect(left).toEqual([]);
    dispose();
  });

  it("asks the server why after the room removed the viewer", async () => {
    const { store, replies, dispose } = harness();
    await store.start(session.streamId);
    replies.push(() => new ApiError(409, "SESSION_NOT_ACTIVE", "ended", { reason: "replaced" }));
    await store.removedFromRoom();
    expect(store.phase()).toEqual({ kind: "ended", reason: "replaced", removed: true, wasHidden: false });
    dispose();
  });

  it("closes the session itself when the server did not say why it ended", async () => {
    const { store, replies, left, dispose } = harness();
    await store.start(session.streamId);
    replies.push(() => new ApiError(429, "TICK_TOO_EARLY", "early", { nextAllowedMs: 1_000 }));
    await store.removedFromRoom();
    expect(store.phase()).toMatchObject({ kind: "ended", reason: null, removed: true });
    expect(left).toEqual([session.sessionId]);
    dispose();
  });

  it("tells a session closed while the tab was hidden", async () => {
    const { store, replies, setVisible, dispose } = harness();
    await store.start(session.streamId);
    setVisible(false);
    expect(store.meterStatus()).toBe("hidden");
    await vi.advanceTimersByTimeAsync(10 * INTERVAL);
    setVisible(true);
    replies.push(() => new ApiError(409, "SESSION_NOT_ACTIVE", "ended", { reason: "ticks_stopped" }));
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(store.phase()).toEqual({ kind: "ended", reason: "ticks_stopped", removed: false, wasHidden: true });
    dispose();
  });

  it("says goodbye once when the viewer leaves, the tab closes or the page goes away", async () => {
    const { store, left, hidePage, dispose, ticks } = harness();
    await store.start(session.streamId);
    hidePage();
    store.leave();
    dispose();
    expect(left).toEqual([session.sessionId]);
    expect(store.phase().kind).toBe("idle");
    await vi.advanceTimersByTimeAsync(5 * INTERVAL);
    expect(ticks).toEqual([]);
  });

  it("drops a session that started after the viewer left", async () => {
    let resolve: (value: ViewingSessionDto) => void = () => undefined;
    const { store, left, dispose } = harness({
      startSession: () => new Promise<ViewingSessionDto>((r) => (resolve = r)),
    });
    const started = store.start(session.streamId);
    store.leave();
    resolve(session);
    expect(await started).toBeNull();
    expect(left).toEqual([session.sessionId]);
    expect(store.phase().kind).toBe("idle");
    dispose();
  });
});
