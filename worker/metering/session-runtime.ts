import type { ErrorCode } from "../../contracts/errors.ts";
import { type MeterResultDto, SESSION_END_REASONS, type SessionEndReason } from "../../contracts/metering.ts";
import { formatCredits } from "../../contracts/money.ts";
import type { StreamStatus } from "../../contracts/streams.ts";
import { notifyLowBalance } from "../notifications/index.ts";
import type { Db } from "../platform/db/client.ts";
import { createLogger } from "../platform/logger.ts";
import type { LiveKit } from "../streams/index.ts";
import { bookMeterTick, settleSessionEscrow } from "../wallet/index.ts";
import {
  afterBooked,
  decideTick,
  nextAllowedAt,
  type TickRequest,
  type TickState,
  watchdogDeadline,
} from "./tick-rules.ts";
import { closeViewingSession, findViewingSession, refreshViewerCount, viewingStillLive } from "./viewing-sessions.ts";

/**
 * What one ViewerSession object runs: the tick rules applied to its state, the booking, and
 * what happens when a session runs dry or ends. The object is a shell that stores the state,
 * serializes calls and schedules alarms; everything it decides is here.
 */

/** Creator earnings are settled from the session's escrow at least this often. */
export const SETTLE_EVERY_MS = 60_000;
const KEPT_RESULTS = 4;

export interface SessionState extends TickState {
  sessionId: string;
  creatorId: string;
  escrowWalletId: string;
  roomName: string;
  identity: string;
  feeBps: number;
  /** Answers of the last few booked intervals, for replays (409 with the original result). */
  results: Record<string, MeterResultDto>;
  settleSeq: number;
  lastSettledAt: number;
  finalSettled: boolean;
}

export type SessionInit = Omit<
  SessionState,
  | "status"
  | "endReason"
  | "nextIndex"
  | "lastBookedAt"
  | "billedPlaybackMs"
  | "lastSeenAt"
  | "results"
  | "settleSeq"
  | "lastSettledAt"
  | "finalSettled"
>;

export function initialState(init: SessionInit): SessionState {
  return {
    ...init,
    status: "ACTIVE",
    endReason: null,
    nextIndex: 0,
    lastBookedAt: null,
    billedPlaybackMs: 0,
    lastSeenAt: null,
    results: {},
    settleSeq: 0,
    lastSettledAt: init.startedAt,
    finalSettled: false,
  };
}

/** Error details that cross the object's RPC boundary (unknown would not type-check as serializable). */
export type TickErrorDetails = MeterResultDto | Record<string, string | number>;

/** What POST /api/meter answers: 200 with the result, or the status and error it maps to. */
export interface TickResponse {
  status: 200 | 400 | 402 | 403 | 404 | 409 | 429;
  result?: MeterResultDto;
  error?: { code: ErrorCode; message: string; details?: TickErrorDetails };
  headers?: Record<string, string>;
}

export interface RuntimeDeps {
  livekit: LiveKit | null;
  /** The stream's status, read at most every few seconds by the object (fresh: skip that copy). */
  streamStatus: (options?: { fresh?: boolean }) => Promise<StreamStatus | undefined>;
}

/** Why a session ends when its stream is no longer live and will not be again. */
const endReasonFor = (status: StreamStatus | undefined): SessionEndReason =>
  status === "REMOVED" ? "stream_removed" : "stream_ended";

export async function processTick(
  db: Db,
  input: { state: SessionState; tick: TickRequest; now: number },
  deps: RuntimeDeps,
): Promise<{ state: SessionState; response: TickResponse }> {
  const { state, tick, now } = input;
  const decision = decideTick(state, tick, now);
  if (decision.kind === "replay") {
    const original = state.results[String(decision.intervalIndex)];
    return {
      state,
      response: {
        status: 409,
        error: {
          code: "INTERVAL_ALREADY_BOOKED",
          message: `Interval ${decision.intervalIndex} is already booked`,
          ...(original ? { details: original } : {}),
        },
      },
    };
  }
  if (decision.kind === "reject") {
    const retryAfter =
      decision.code === "TICK_TOO_EARLY"
        ? { "retry-after": String(Math.ceil((nextAllowedAt(state) - now) / 1000)) }
        : undefined;
    return {
      state,
      response: {
        status: decision.status,
        error: {
          code: decision.code,
          message: decision.message,
          ...(decision.details === undefined ? {} : { details: decision.details }),
        },
        ...(retryAfter ? { headers: retryAfter } : {}),
      },
    };
  }
  const notLive = async (streamStatus: StreamStatus | undefined) => {
    if (streamStatus === "PAUSED" || streamStatus === "SCHEDULED") {
      return {
        state: { ...state, lastSeenAt: now },
        response: {
          status: 409 as const,
          error: { code: "STREAM_NOT_LIVE" as const, message: "The stream is paused; nothing was charged" },
        },
      };
    }
    const ended = await endSession(db, { state, status: "ENDED", reason: endReasonFor(streamStatus), now }, deps);
    return { state: ended, response: notActive(ended) };
  };
  const streamStatus = await deps.streamStatus();
  if (streamStatus !== "LIVE") return notLive(streamStatus);

  const booking = await bookMeterTick(db, {
    sessionId: state.sessionId,
    userId: state.userId,
    streamId: state.streamId,
    escrowWalletId: state.escrowWalletId,
    intervalIndex: tick.intervalIndex,
    playbackMs: tick.playbackMs,
    amount: decision.amount,
    onlyIf: viewingStillLive(state.sessionId),
  });
  if (booking.status === "refused") {
    // The cached status was stale: the stream stopped (or was taken down) since; nothing was booked.
    const fresh = await deps.streamStatus({ fresh: true });
    if (fresh === "LIVE") {
      // The stream is live but the viewing row is closed (ended elsewhere): this session is over.
      const row = await findViewingSession(db, state.sessionId);
      const reason = SESSION_END_REASONS.find((r) => r === row?.endReason) ?? "viewer_left";
      const ended = await endSession(db, { state, status: "ENDED", reason, now }, deps);
      return { state: ended, response: notActive(ended) };
    }
    return notLive(fresh);
  }
  if (booking.status === "insufficient") {
    const exhausted = await endSession(db, { state, status: "EXHAUSTED", reason: "exhausted", now }, deps);
    return {
      state: exhausted,
      response: {
        status: 402,
        error: {
          code: "INSUFFICIENT_CREDITS",
          message: "Your credits ran out; top up to keep watching",
          details: { reason: "exhausted", remainingCredits: formatCredits(booking.balance) },
        },
      },
    };
  }
  const next = afterBooked(state, tick, now);
  await warnIfLow(db, state, tick, booking);
  const result: MeterResultDto = {
    success: true,
    intervalIndex: tick.intervalIndex,
    debited: formatCredits(booking.debited),
    remainingCredits: formatCredits(booking.balanceAfter ?? 0n),
    nextAllowedMs: Math.max(0, nextAllowedAt(next) - now),
  };
  const results = { ...state.results, [String(tick.intervalIndex)]: result };
  for (const key of Object.keys(results)
    .map(Number)
    .sort((a, b) => a - b)
    .slice(0, -KEPT_RESULTS)) {
    delete results[String(key)];
  }
  return { state: { ...next, results }, response: { status: 200, result } };
}

function notActive(state: SessionState): TickResponse {
  return {
    status: 409,
    error: {
      code: "SESSION_NOT_ACTIVE",
      message: "This viewing session has ended",
      details: { reason: state.endReason ?? "viewer_left" },
    },
  };
}

/**
 * Ends the session: the row is closed (if nothing closed it before, e.g. the end of the
 * stream), the viewer is cut off in LiveKit at once (permissions revoked, then removed — the
 * page cannot keep the video), the viewer count is refreshed and the escrow settled.
 * Idempotent: alarms and retries may call it again.
 */
export async function endSession(
  db: Db,
  input: { state: SessionState; status: "EXHAUSTED" | "ENDED"; reason: SessionEndReason; now: number },
  deps: RuntimeDeps,
): Promise<SessionState> {
  const { state } = input;
  const ended: SessionState =
    state.status === "ACTIVE" ? { ...state, status: input.status, endReason: input.reason } : state;
  await closeViewingSession(db, { sessionId: state.sessionId, status: input.status, reason: input.reason });
  if (deps.livekit) {
    try {
      if (input.status === "EXHAUSTED") await deps.livekit.revokeViewer(state.roomName, state.identity);
      await deps.livekit.removeParticipant(state.roomName, state.identity);
    } catch (error) {
      // The session is over in our books whatever LiveKit says; a viewer still in the room is
      // removed by the participant_joined check or the reconcile pass.
      createLogger({ sessionId: state.sessionId }).error("could not remove the viewer from LiveKit", { error });
    }
  }
  await refreshViewerCount(db, state.streamId);
  return settle(db, { state: ended, now: input.now, final: true });
}

/**
 * Moves the escrow's balance to the creator and the platform under a key unique to this
 * settlement: periodic ones are numbered, the last one is "final". A retry of a settlement
 * that committed is a duplicate; what it did not take waits for the next one.
 */
export async function settle(
  db: Db,
  input: { state: SessionState; now: number; final: boolean },
): Promise<SessionState> {
  const { state } = input;
  if (state.finalSettled) return state;
  const key = input.final ? "final" : String(state.settleSeq);
  const outcome = await settleSessionEscrow(db, {
    sessionId: state.sessionId,
    streamId: state.streamId,
    escrowWalletId: state.escrowWalletId,
    creatorId: state.creatorId,
    feeBps: state.feeBps,
    settlementKey: key,
  });
  return {
    ...state,
    settleSeq: !input.final && outcome.status !== "empty" ? state.settleSeq + 1 : state.settleSeq,
    lastSettledAt: input.now,
    finalSettled: input.final,
  };
}

/** When the object should wake next: the watchdog deadline or the next settlement, if any. */
export function nextAlarmAt(state: SessionState): number | null {
  if (state.status !== "ACTIVE") return state.finalSettled ? null : Date.now();
  return Math.min(watchdogDeadline(state) + 1, state.lastSettledAt + SETTLE_EVERY_MS);
}

/**
 * The tick whose debit crosses the low-balance line books one LOW_BALANCE notification (keyed by
 * the interval, so a replayed tick books none); every other tick pays only the comparison. A
 * failure to notify is logged: the viewer was charged correctly and must get their answer.
 */
async function warnIfLow(
  db: Db,
  state: SessionState,
  tick: TickRequest,
  booking: { debited: bigint; balanceAfter: bigint | null },
): Promise<void> {
  if (booking.balanceAfter === null) return;
  try {
    await notifyLowBalance(db, {
      userId: state.userId,
      sessionId: state.sessionId,
      intervalIndex: tick.intervalIndex,
      streamId: state.streamId,
      balanceAfter: booking.balanceAfter,
      debited: booking.debited,
    });
  } catch (error) {
    createLogger({ sessionId: state.sessionId }).error("low-balance notification failed", { error });
  }
}
