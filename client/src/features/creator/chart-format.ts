import { tryParseCredits } from "@contracts/money.ts";
import { parseDay } from "./analytics-range.ts";

/**
 * A credit string as a chart value. Charts need floats; the exact amount stays in the text
 * alternative and the tables, which show the string itself.
 */
export function creditsToNumber(amount: string): number {
  const millis = tryParseCredits(amount);
  return millis === null ? 0 : Number(millis) / 1000;
}

/** A UTC day as the x value uPlot expects (seconds since the epoch). */
export function dayToSeconds(day: string): number {
  return (parseDay(day) ?? 0) / 1000;
}

/** Axis ticks: "1.2K", "3.5M"; small values keep up to two decimals. */
export function compactNumber(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 2 }).format(value);
}

/** A UTC day for an axis or a caption: "Dec 2". */
export function shortDay(seconds: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(seconds * 1000),
  );
}

/** The days a series peaks on, for a chart's text summary; null when every value is zero. */
export function peakOf<T>(rows: readonly T[], value: (row: T) => number): { row: T; value: number } | null {
  let best: { row: T; value: number } | null = null;
  for (const row of rows) {
    const v = value(row);
    if (v > 0 && (!best || v > best.value)) best = { row, value: v };
  }
  return best;
}
