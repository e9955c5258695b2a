import { z } from "zod";
import {
  meterResultSchema,
  SESSION_END_REASONS,
  type MeterResultDto,
  type SessionEndReason,
} from "@contracts/metering.ts";
import { ApiError } from "../../lib/api/api-error.ts";

/** What a refused or failed POST /api/meter means for the metering loop. */
export type TickFailure =
  /** 409 INTERVAL_ALREADY_BOOKED: an earlier attempt got through; its result, if the server sent it. */
  | { kind: "replayed"; result: MeterResultDto | null }
  /** 429 TICK_TOO_EARLY: send the same tick again after waitMs. */
  | { kind: "too_early"; waitMs: number | null }
  /** 400 INTERVAL_GAP: the server expects another index. */
  | { kind: "gap"; expected: number | null }
  /** 409 STREAM_NOT_LIVE: the creator is away; keep the session, retry the same interval later. */
  | { kind: "stream_paused" }
  /** 402 INSUFFICIENT_CREDITS: the session is exhausted. */
  | { kind: "exhausted"; needed: string | null; balance: string | null }
  /** 409 SESSION_NOT_ACTIVE: the server ended the session. */
  | { kind: "ended"; reason: SessionEndReason | null }
  /** The network, a 5xx, a rate limit: nothing was decided, send the same tick again later. */
  | { kind: "transient" }
  /** Anything else (a refused tick that another try would not fix). */
  | { kind: "fatal" };

const tooEarlyDetails = z.object({ nextAllowedMs: z.number().nonnegative() });
const gapDetails = z.object({ expected: z.number().int().nonnegative() });
const exhaustedDetails = z.object({ needed: z.string().optional(), balance: z.string().optional() });
const endedDetails = z.object({ reason: z.enum(SESSION_END_REASONS) });

export function classifyTickError(error: unknown): TickFailure {
  if (!(error instanceof ApiError)) return { kind: "transient" };
  switch (error.code) {
    case "INTERVAL_ALREADY_BOOKED":
      return { kind: "replayed", result: meterResultSchema.safeParse(error.details).data ?? null };
    case "TICK_TOO_EARLY":
      return { kind: "too_early", waitMs: tooEarlyDetails.safeParse(error.details).data?.nextAllowedMs ?? null };
    case "INTERVAL_GAP":
      return { kind: "gap", expected: gapDetails.safeParse(error.details).data?.expected ?? null };
    case "STREAM_NOT_LIVE":
      return { kind: "stream_paused" };
    case "INSUFFICIENT_CREDITS": {
      const details = exhaustedDetails.safeParse(error.details).data;
      return { kind: "exhausted", needed: details?.needed ?? null, balance: details?.balance ?? null };
    }
    case "SESSION_NOT_ACTIVE":
      return { kind: "ended", reason: endedDetails.safeParse(error.details).data?.reason ?? null };
  }
  // Status 0 is the fetch core's NETWORK_ERROR; INVALID_RESPONSE is an answer we could not read,
  // so whether the tick was booked is unknown and sending it again is how to find out.
  if (error.status === 0 || error.status >= 500 || error.status === 408 || error.status === 429) {
    return { kind: "transient" };
  }
  if (error.code === "INVALID_RESPONSE") return { kind: "transient" };
  return { kind: "fatal" };
}

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/**
 * Exponential backoff for the nth consecutive failure (0-based): base·2ⁿ capped at max, spread by
 * ±20 % (`random` in [0, 1)) so the viewers of one stream do not retry in step.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}
