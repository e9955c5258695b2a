import type { ErrorCode } from "../../contracts/errors.ts";
import type { SessionEndReason } from "../../contracts/metering.ts";

/**
 * The rules of one metering tick, as pure functions: the ViewerSession object applies them
 * before it books anything, so they are tested here without Postgres or workerd.
 */

/** What the session object knows between ticks (kept in its storage). */
export interface TickState {
  status: "ACTIVE" | "EXHAUSTED" | "ENDED";
  endReason: SessionEndReason | null;
  userId: string;
  streamId: string;
  intervalMs: number;
  /** Millicredits per minute, frozen at session start. */
  ratePerMinute: bigint;
  startedAt: number;
  /** The index the next tick must carry. */
  nextIndex: number;
  /** When the last interval was booked (ms since epoch), null before the first. */
  lastBookedAt: number | null;
  /** Playback billed so far, ms. */
  billedPlaybackMs: number;
  /** Last tick that proved the viewer is there though nothing was booked (stream paused). */
  lastSeenAt: number | null;
}

export interface TickRequest {
  userId: string;
  streamId: string;
  intervalIndex: number;
  playbackMs: number;
}

export type TickDecision =
  | { kind: "book"; amount: bigint }
  | { kind: "replay"; intervalIndex: number }
  | {
      kind: "reject";
      status: 400 | 402 | 403 | 409 | 429;
      code: ErrorCode;
      message: string;
      details?: Record<string, string | number>;
    };

/** Slack for clocks, network and timers: a fifth of the interval, at most one second. */
export const toleranceMs = (intervalMs: number) => Math.min(1000, Math.floor(intervalMs / 5));

/**
 * Millicredits for playbackMs at ratePerMinute (millicredits per minute), rounded down: a
 * viewer is never charged for time not watched; the rounding loses under one millicredit per
 * interval (6000/min × 10 s is exactly 1000).
 */
export function debitFor(ratePerMinute: bigint, playbackMs: number): bigint {
  if (!Number.isSafeInteger(playbackMs) || playbackMs < 0) throw new RangeError(`playbackMs ${playbackMs}`);
  return (ratePerMinute * BigInt(playbackMs)) / 60_000n;
}

/** The earliest instant the next tick may arrive. */
export function nextAllowedAt(state: TickState): number {
  const from = state.lastBookedAt ?? state.startedAt;
  return from + state.intervalMs - toleranceMs(state.intervalMs);
}

export function decideTick(state: TickState, tick: TickRequest, now: number): TickDecision {
  if (tick.userId !== state.userId || tick.streamId !== state.streamId) {
    return { kind: "reject", status: 403, code: "FORBIDDEN", message: "This viewing session is not yours" };
  }
  if (tick.intervalIndex < state.nextIndex) return { kind: "replay", intervalIndex: tick.intervalIndex };
  if (state.status === "EXHAUSTED") {
    return {
      kind: "reject",
      status: 402,
      code: "INSUFFICIENT_CREDITS",
      message: "Your credits ran out; top up to keep watching",
      details: { reason: "exhausted" },
    };
  }
  if (state.status !== "ACTIVE") {
    return {
      kind: "reject",
      status: 409,
      code: "SESSION_NOT_ACTIVE",
      message: "This viewing session has ended",
      details: { reason: state.endReason ?? "viewer_left" },
    };
  }
  if (tick.intervalIndex > state.nextIndex) {
    return {
      kind: "reject",
      status: 400,
      code: "INTERVAL_GAP",
      message: `Expected interval ${state.nextIndex}, got ${tick.intervalIndex}`,
      details: { expected: state.nextIndex },
    };
  }
  const tolerance = toleranceMs(state.intervalMs);
  if (tick.playbackMs < 0 || tick.playbackMs > state.intervalMs + tolerance) {
    return {
      kind: "reject",
      status: 400,
      code: "PLAYBACK_OUT_OF_RANGE",
      message: `playbackMs must be between 0 and ${state.intervalMs + tolerance}`,
    };
  }
  const earliest = nextAllowedAt(state);
  if (now < earliest) {
    return {
      kind: "reject",
      status: 429,
      code: "TICK_TOO_EARLY",
      message: "This interval has not elapsed yet",
      details: { nextAllowedMs: earliest - now },
    };
  }
  if (state.billedPlaybackMs + tick.playbackMs > now - state.startedAt + tolerance) {
    return {
      kind: "reject",
      status: 400,
      code: "BILLED_TIME_EXCEEDED",
      message: "More playback than time since the session started",
    };
  }
  return { kind: "book", amount: debitFor(state.ratePerMinute, tick.playbackMs) };
}

/** The state after an interval was booked. */
export function afterBooked<S extends TickState>(state: S, tick: TickRequest, now: number): S {
  return {
    ...state,
    nextIndex: tick.intervalIndex + 1,
    lastBookedAt: now,
    billedPlaybackMs: state.billedPlaybackMs + tick.playbackMs,
  };
}

/**
 * The watchdog: a session whose ticks stopped while its viewer may still be in the room (a
 * killed tab, a modified client) is ended within two intervals of its last booking.
 */
export function ticksStopped(state: TickState, now: number): boolean {
  return state.status === "ACTIVE" && now > watchdogDeadline(state);
}

/** When the watchdog ends a session that stays silent: two intervals after its last sign of life. */
export function watchdogDeadline(state: TickState): number {
  return Math.max(state.lastBookedAt ?? state.startedAt, state.lastSeenAt ?? 0) + 2 * state.intervalMs;
}
