import { ANALYTICS_DEFAULT_DAYS, ANALYTICS_MAX_DAYS } from "../../contracts/creators.ts";
import { AppError } from "../platform/errors.ts";

const DAY_MS = 86_400_000;

export interface AnalyticsRange {
  /** First and last UTC day, both included ("YYYY-MM-DD"). */
  start: string;
  end: string;
  /** [from, to): midnight UTC of start, midnight UTC after end. */
  from: Date;
  to: Date;
  /** Every day of the range, in order. */
  days: string[];
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The range asked for, or the last 30 days up to today (UTC); 400 when reversed or longer than 366 days. */
export function resolveAnalyticsRange(
  input: { startDate?: string | undefined; endDate?: string | undefined },
  now = new Date(),
): AnalyticsRange {
  const endMs = Date.parse(`${input.endDate ?? dayOf(now.getTime())}T00:00:00Z`);
  const startMs = input.startDate
    ? Date.parse(`${input.startDate}T00:00:00Z`)
    : endMs - (ANALYTICS_DEFAULT_DAYS - 1) * DAY_MS;
  const real = (ms: number, asked: string | undefined) => !Number.isNaN(ms) && (!asked || dayOf(ms) === asked);
  if (!real(startMs, input.startDate) || !real(endMs, input.endDate)) invalid("Dates must be days like 2026-12-01");
  if (startMs > endMs) invalid("startDate must not be after endDate");
  const count = (endMs - startMs) / DAY_MS + 1;
  if (count > ANALYTICS_MAX_DAYS) invalid(`The range may span at most ${ANALYTICS_MAX_DAYS} days`);
  const days = Array.from({ length: count }, (_, i) => dayOf(startMs + i * DAY_MS));
  return { start: dayOf(startMs), end: dayOf(endMs), from: new Date(startMs), to: new Date(endMs + DAY_MS), days };
}

function invalid(message: string): never {
  throw new AppError("VALIDATION_FAILED", 400, "The request is invalid", [{ path: "startDate", message }]);
}
