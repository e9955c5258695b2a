import { ANALYTICS_DEFAULT_DAYS, ANALYTICS_MAX_DAYS } from "../../contracts/creators.ts";
import { type DayRange, resolveDayRange } from "../platform/day-range.ts";

export type AnalyticsRange = DayRange;

/** The range asked for, or the last 30 days up to today (UTC); 400 when reversed or longer than 366 days. */
export const resolveAnalyticsRange = (
  input: { startDate?: string | undefined; endDate?: string | undefined },
  now = new Date(),
): AnalyticsRange => resolveDayRange(input, now, { defaultDays: ANALYTICS_DEFAULT_DAYS, maxDays: ANALYTICS_MAX_DAYS });
