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

// The axis formats live with the shared chart (ui/chart), which the admin console uses too.
export { compactNumber, shortDay } from "../../ui/chart/chart-axis.ts";

/** The days a series peaks on, for a chart's text summary; null when every value is zero. */
export function peakOf<T>(rows: readonly T[], value: (row: T) => number): { row: T; value: number } | null {
  let best: { row: T; value: number } | null = null;
  for (const row of rows) {
    const v = value(row);
    if (v > 0 && (!best || v > best.value)) best = { row, value: v };
  }
  return best;
}
