import type { MeterResultDto, MeterTickInput, SessionEndReason } from "@contracts/metering.ts";
import { backoffDelay, classifyTickError, type BackoffOptions } from "./tick-failure.ts";

/**
 * The client half of metering, as plain logic (no Solid, no DOM, no LiveKit) so every rule is a
 * unit test:
 *
 * - Intervals run on the *visible* clock: interval n closes once the tab has been visible for
 *   (n + 1) · intervalMs since the session started. Hidden time stops that clock, so a hidden tab
 *   never ticks and is never billed; it resumes where it stopped when the tab shows again.
 * - A tick reports the playback actually counted (`setPlaying`, visible time only) and not yet
 *   billed, at most intervalMs; playback that piles up while an earlier tick is retried carries over.
 * - One tick at a time, in index order. A tick that failed is sent again unchanged (same index,
 *   same playbackMs), so a retry of a booked interval is answered as a replay, never billed twice.
 * - Network and server errors back off exponentially; 429 waits the server's nextAllowedMs;
 *   409 INTERVAL_ALREADY_BOOKED is a success; STREAM_NOT_LIVE keeps the session and retries later;
 *   402 and SESSION_NOT_ACTIVE stop the loop for good. Offline, nothing is sent until back online.
 */

export type MeteringStop =
  | { kind: "exhausted"; needed: string | null; balance: string | null }
  /** The server ended the session; reason null when it did not say (or could not be asked). */
  | { kind: "ended"; reason: SessionEndReason | null }
  | { kind: "error"; error: unknown }
  /** The viewer left (stop()). */
  | { kind: "left" };

export type MeteringStatus =
  | "running"
  /** The tab is hidden: no clock, no ticks. */
  | "hidden"
  /** The browser is offline: a closed interval waits to be sent. */
  | "offline"
  /** A tick failed and is being retried. */
  | "retrying"
  /** The stream is paused (STREAM_NOT_LIVE): the same interval is retried later. */
  | "stream_paused"
  | "stopped";

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface MeteringLoopOptions {
  session: { streamId: string; sessionId: string; intervalMs: number };
  sendTick: (tick: MeterTickInput, signal: AbortSignal) => Promise<MeterResultDto>;
  /** A booked interval (null result: a replay whose original answer the server did not repeat). */
  onBooked?: (tick: MeterTickInput, result: MeterResultDto | null) => void;
  onStopped?: (stop: MeteringStop) => void;
  /** Status or next tick time changed. */
  onChange?: () => void;
  clock?: Clock;
  random?: () => number;
  backoff?: BackoffOptions;
  /** Whether the tab is visible when the session starts. */
  visible?: boolean;
  online?: boolean;
}

export interface MeteringLoop {
  /** Whether the video is actually playing (frames advancing); only visible playing time counts. */
  setPlaying(playing: boolean): void;
  setVisible(visible: boolean): void;
  setOnline(online: boolean): void;
  status(): MeteringStatus;
  /** When the next tick is expected (epoch ms), null while hidden, offline or stopped. */
  nextTickAt(): number | null;
  /** The index the next tick carries. */
  intervalIndex(): number;
  /**
   * Ends the loop by asking the server: sends the open interval now (early) and resolves with what
   * the server says. For a viewer the room dropped, to learn why. A session that is still active
   * (the early tick is refused as too early, or booked) resolves `{ kind: "ended", reason: null }`.
   */
  finish(): Promise<MeteringStop>;
  /** The viewer left: stop at once, send nothing more (the open interval is not billed). */
  stop(): void;
  stopped(): MeteringStop | null;
}

const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 8_000 };
/** Consecutive failures finish() accepts before it gives up asking. */
const FINISH_ATTEMPTS = 2;
const MAX_GAP_RESYNCS = 3;

type Waiting = "retry" | "too_early" | "stream_paused" | null;

export function createMeteringLoop(options: MeteringLoopOptions): MeteringLoop {
  const { streamId, sessionId, intervalMs } = options.session;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  /** How long to wait before asking again whether a paused stream is back. */
  const pausedRetryMs = Math.min(5_000, Math.max(1_000, intervalMs));
  const defaultTooEarlyMs = Math.min(1_000, Math.max(50, Math.floor(intervalMs / 5)));

  let visible = options.visible ?? true;
  let online = options.online ?? true;
  let playing = false;
  let stopped: MeteringStop | null = null;

  // Two clocks: time visible since the start, and playback counted within it.
  let activeMs = 0;
  let activeSince: number | null = null;
  let playedMs = 0;
  let playedSince: number | null = null;
  /** Playback already put into ticks (sent or booked). */
  let billedMs = 0;
  /** Visible time at which the open interval closes. */
  let dueActiveMs = intervalMs;

  let index = 0;
  /** A closed interval not yet booked: sent again unchanged until the server decides. */
  let pending: MeterTickInput | null = null;
  let inFlight: AbortController | null = null;
  let waiting: Waiting = null;
  let retryAt: number | null = null;
  let failures = 0;
  let gapResyncs = 0;
  let timer: unknown = null;
  let finishing: ((stop: MeteringStop) => void)[] | null = null;

  const changed = () => options.onChange?.();

  /** Folds the running clocks into their totals and restarts them as the flags now say. */
  const settle = () => {
    const now = clock.now();
    if (activeSince !== null) activeMs += now - activeSince;
    if (playedSince !== null) playedMs += now - playedSince;
    const counting = !stopped && visible;
    activeSince = counting ? now : null;
    playedSince = counting && playing ? now : null;
  };
  const activeNow = () => activeMs + (activeSince === null ? 0 : clock.now() - activeSince);
  const playedNow = () => playedMs + (playedSince === null ? 0 : clock.now() - playedSince);

  const clearTimer = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };

  const end = (stop: MeteringStop) => {
    if (stopped) return;
    stopped = stop;
    settle();
    clearTimer();
    inFlight?.abort();
    inFlight = null;
    for (const resolve of finishing ?? []) resolve(stop);
    finishing = null;
    options.onStopped?.(stop);
    changed();
  };

  /** Arms the one timer for whatever comes next: sending the pending tick or closing the interval. */
  const schedule = () => {
    clearTimer();
    if (stopped || inFlight) return changed();
    if (!visible && !finishing) return changed();
    if (pending) {
      // Offline there is nobody to ask: finish() settles for "ended, reason unknown".
      if (!online) return finishing ? end({ kind: "ended", reason: null }) : changed();
      const wait = retryAt === null ? 0 : retryAt - clock.now();
      if (wait <= 0 || finishing) send();
      else timer = clock.setTimeout(send, wait);
      return changed();
    }
    timer = clock.setTimeout(closeInterval, Math.max(0, dueActiveMs - activeNow()));
    changed();
  };

  const closeInterval = () => {
    timer = null;
    if (stopped || pending) return;
    settle();
    const playbackMs = Math.min(intervalMs, Math.max(0, Math.round(playedNow() - billedMs)));
    billedMs += playbackMs;
    pending = { streamId, sessionId, intervalIndex: index, playbackMs };
    dueActiveMs = Math.max(dueActiveMs, activeNow()) + intervalMs;
    retryAt = null;
    send();
  };

  const send = () => {
    timer = null;
    const tick = pending;
    if (stopped || !tick || inFlight) return;
    const controller = new AbortController();
    inFlight = controller;
    changed();
    options.sendTick(tick, controller.signal).then(
      (result) => {
        if (inFlight === controller) booked(tick, result);
      },
      (error: unknown) => {
        if (inFlight === controller) failed(tick, error);
      },
    );
  };

  const booked = (tick: MeterTickInput, result: MeterResultDto | null) => {
    inFlight = null;
    pending = null;
    waiting = null;
    retryAt = null;
    failures = 0;
    gapResyncs = 0;
    index = tick.intervalIndex + 1;
    // The server's word on when it takes the next tick wins over our own interval boundary.
    if (result) dueActiveMs = Math.max(dueActiveMs, activeNow() + result.nextAllowedMs);
    options.onBooked?.(tick, result);
    // Still booking: the room dropped us, but the session is active.
    if (finishing) return end({ kind: "ended", reason: null });
    schedule();
  };

  const retryLater = (kind: Exclude<Waiting, null>, waitMs: number) => {
    waiting = kind;
    retryAt = clock.now() + Math.max(0, waitMs);
    schedule();
  };

  const failed = (tick: MeterTickInput, error: unknown) => {
    inFlight = null;
    const failure = classifyTickError(error);
    switch (failure.kind) {
      case "replayed":
        return booked(tick, failure.result);
      case "exhausted":
        return end({ kind: "exhausted", needed: failure.needed, balance: failure.balance });
      case "ended":
        return end({ kind: "ended", reason: failure.reason });
      case "fatal":
        return end({ kind: "error", error });
      case "too_early":
        if (finishing) return end({ kind: "ended", reason: null });
        return retryLater("too_early", failure.waitMs ?? defaultTooEarlyMs);
      case "stream_paused":
        if (finishing) return end({ kind: "ended", reason: null });
        return retryLater("stream_paused", pausedRetryMs);
      case "gap":
        if (failure.expected === null || gapResyncs >= MAX_GAP_RESYNCS) return end({ kind: "error", error });
        gapResyncs++;
        index = failure.expected;
        pending = { ...tick, intervalIndex: failure.expected };
        return retryLater("retry", 0);
      case "transient":
        failures++;
        if (finishing && failures >= FINISH_ATTEMPTS) return end({ kind: "ended", reason: null });
        return retryLater("retry", backoffDelay(failures - 1, backoff, random));
    }
  };

  settle();
  schedule();

  return {
    setPlaying(next) {
      if (next === playing) return;
      playing = next;
      settle();
    },
    setVisible(next) {
      if (next === visible) return;
      visible = next;
      settle();
      // A failed tick waiting for its retry goes out as soon as the tab shows again.
      if (visible && waiting === "retry") retryAt = null;
      schedule();
    },
    setOnline(next) {
      if (next === online) return;
      online = next;
      if (online && waiting === "retry") retryAt = null;
      schedule();
    },
    status() {
      if (stopped) return "stopped";
      if (!visible) return "hidden";
      if (pending && !online) return "offline";
      if (pending && waiting === "stream_paused") return "stream_paused";
      if (pending && waiting === "retry" && failures > 0) return "retrying";
      return "running";
    },
    nextTickAt() {
      if (stopped || !visible) return null;
      const now = clock.now();
      if (inFlight) return now;
      if (pending) return online ? Math.max(now, retryAt ?? now) : null;
      return now + Math.max(0, dueActiveMs - activeNow());
    },
    intervalIndex: () => index,
    finish() {
      if (stopped) return Promise.resolve(stopped);
      return new Promise<MeteringStop>((resolve) => {
        const first = !finishing;
        (finishing ??= []).push(resolve);
        if (!first || inFlight) return;
        if (pending) {
          retryAt = null;
          schedule();
        } else {
          clearTimer();
          closeInterval();
        }
      });
    },
    stop() {
      end({ kind: "left" });
    },
    stopped: () => stopped,
  };
}
