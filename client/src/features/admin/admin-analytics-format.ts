/** A UTC day ("2026-12-01") as the x value uPlot expects (seconds since the epoch); 0 if not a day. */
export function dayToSeconds(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? 0 : ms / 1000;
}

/**
 * A decimal money string ("47.00") as a chart value. Charts need floats; the exact amounts stay
 * in the cards, the tables and the chart's text alternative, which show the strings themselves.
 */
export function moneyToNumber(amount: string): number {
  return /^-?\d+(\.\d+)?$/.test(amount) ? Number(amount) : 0;
}

/** Whole seconds as hours and minutes for a card: "12h 05m", "4m". */
export function hoursLabel(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h > 0 ? `${h}h ${String(m).padStart(2, "0")}m` : `${m}m`;
}
