import { CHAT_RATE_LIMIT, CHAT_RATE_WINDOW_MS, type ChatAllowance } from "../../contracts/chat.ts";
import { takeHit } from "../platform/rate-limit-window.ts";
import { SPAM_REPEAT_WINDOW_MS } from "./auto-mod.ts";

/** What the object stores per sender: small and bounded (at most EXEMPT_RATE_LIMIT hits, RECENT_KEPT texts). */
export interface SenderState {
  /** Times of the messages counted by the rate limit, oldest first. */
  hits: number[];
  lastSentAt: number | null;
  /** The last few accepted texts, as submitted, for the auto-mod's repeat rule. */
  recent: { text: string; at: number }[];
}

export const emptySender = (): SenderState => ({ hits: [], lastSentAt: null, recent: [] });

/** The broadcaster, moderators and admins skip slow mode but still have a (higher) rate limit. */
export const EXEMPT_RATE_LIMIT = CHAT_RATE_LIMIT * 3;
const RECENT_KEPT = 5;

export type Admission =
  | { ok: true; state: SenderState; allowance: ChatAllowance }
  | {
      ok: false;
      code: "RATE_LIMITED" | "SLOW_MODE";
      message: string;
      retryAfterMs: number;
      allowance: ChatAllowance;
    };

/**
 * Whether the sender may send now. Checks only: the caller records the message with
 * `recordMessage` once every other rule has accepted it, so refused messages never count.
 * On success `state` is the input with expired entries dropped and `allowance` is before this message.
 */
export function admitMessage(
  state: SenderState,
  input: { now: number; slowModeSeconds: number; exempt: boolean },
): Admission {
  const { now, exempt } = input;
  const limit = exempt ? EXEMPT_RATE_LIMIT : CHAT_RATE_LIMIT;
  const pruned = prune(state, now);
  const allowance = allowanceOf(pruned, now, exempt);
  const [, rate] = takeHit(pruned, now, limit, CHAT_RATE_WINDOW_MS);
  const slowMs = exempt ? 0 : input.slowModeSeconds * 1000;
  const slowRetry = slowMs > 0 && state.lastSentAt !== null ? Math.max(0, state.lastSentAt + slowMs - now) : 0;

  // When both apply, report the one that ends later: waiting retryAfterMs must be enough.
  if (!rate.allowed && rate.retryAfterMs >= slowRetry) {
    return {
      ok: false,
      code: "RATE_LIMITED",
      message: `You can send ${limit} messages every ${CHAT_RATE_WINDOW_MS / 1000} seconds; wait ${seconds(rate.retryAfterMs)}`,
      retryAfterMs: rate.retryAfterMs,
      allowance,
    };
  }
  if (slowRetry > 0) {
    return {
      ok: false,
      code: "SLOW_MODE",
      message: `Slow mode is on: wait ${seconds(slowRetry)} before your next message`,
      retryAfterMs: slowRetry,
      allowance,
    };
  }
  return { ok: true, state: pruned, allowance };
}

/** Counts an accepted message: one hit, the time of the last message and the text for the repeat rule. */
export function recordMessage(state: SenderState, text: string, now: number): SenderState {
  const pruned = prune(state, now);
  return {
    hits: [...pruned.hits, now].slice(-EXEMPT_RATE_LIMIT),
    lastSentAt: now,
    recent: [...pruned.recent, { text, at: now }].slice(-RECENT_KEPT),
  };
}

/** The rate limit as the page shows it. `exempt` senders have EXEMPT_RATE_LIMIT. */
export function allowanceOf(state: SenderState, now: number, exempt = false): ChatAllowance {
  const limit = exempt ? EXEMPT_RATE_LIMIT : CHAT_RATE_LIMIT;
  const hits = state.hits.filter((t) => t > now - CHAT_RATE_WINDOW_MS);
  const oldest = hits[0];
  return {
    remaining: Math.max(0, limit - hits.length),
    limit,
    resetInMs: oldest === undefined ? 0 : Math.max(0, oldest + CHAT_RATE_WINDOW_MS - now),
  };
}

function prune(state: SenderState, now: number): SenderState {
  return {
    hits: state.hits.filter((t) => t > now - CHAT_RATE_WINDOW_MS),
    lastSentAt: state.lastSentAt,
    recent: state.recent.filter((m) => m.at > now - SPAM_REPEAT_WINDOW_MS),
  };
}

function seconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s === 1 ? "1 second" : `${s} seconds`;
}
