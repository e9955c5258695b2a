import { AppError } from "./errors.ts";

const DAY_MS = 86_400_000;

/** The longest range analytics answer, in days (both ends included). */
export const DAY_RANGE_MAX_DAYS = 366;
/** The range when none is given: the last 30 days, today (UTC) included. */
export const DAY_RANGE_DEFAULT_DAYS = 30;

export interface DayRangeLimits {
  defaultDays: number;
  maxDays: number;
}

export interface DayRange {
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

/** The UTC days asked for (zod checked their shape), or the last 30 days; 400 when reversed or too long. */
export function resolveDayRange(
  input: { startDate?: string | undefined; endDate?: string | undefined },
  now = new Date(),
  limits: DayRangeLimits = { defaultDays: DAY_RANGE_DEFAULT_DAYS, maxDays: DAY_RANGE_MAX_DAYS },
): DayRange {
  const endMs = Date.parse(`${input.endDate ?? dayOf(now.getTime())}T00:00:00Z`);
  const startMs = input.startDate
    ? Date.parse(`${input.startDate}T00:00:00Z`)
    : endMs - (limits.defaultDays - 1) * DAY_MS;
  const real = (ms: number, asked: string | undefined) => !Number.isNaN(ms) && (!asked || dayOf(ms) === asked);
  if (!real(startMs, input.startDate) || !real(endMs, input.endDate)) invalid("Dates must be days like 2026-12-01");
  if (startMs > endMs) invalid("startDate must not be after endDate");
  const count = (endMs - startMs) / DAY_MS + 1;
  if (count > limits.maxDays) invalid(`The range may span at most ${limits.maxDays} days`);
  const days = Array.from({ length: count }, (_, i) => dayOf(startMs + i * DAY_MS));
  return { start: dayOf(startMs), end: dayOf(endMs), from: new Date(startMs), to: new Date(endMs + DAY_MS), days };
}

/** The first day of the ISO week (Monday) or month a UTC day falls in; the day itself for "day". */
export function periodStart(day: string, groupBy: "day" | "week" | "month"): string {
  if (groupBy === "day") return day;
  if (groupBy === "month") return `${day.slice(0, 7)}-01`;
  const ms = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return dayOf(ms - weekday * DAY_MS);
}

function invalid(message: string): never {
  throw new AppError("VALIDATION_FAILED", 400, "The request is invalid", [{ path: "startDate", message }]);
}
