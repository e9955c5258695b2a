export type Trend = "up" | "down" | "flat";

export interface Change {
  /** Signed percent with one decimal ("+12.5", "-100.0", "0.0"); null when the previous period had nothing. */
  percent: string | null;
  trend: Trend;
}

/**
 * The change from `previous` to `current` in integer arithmetic: tenths of a percent, rounded
 * half away from zero, so no float ever touches a money amount before display.
 */
export function percentChange(current: bigint, previous: bigint): Change {
  const trend: Trend = current > previous ? "up" : current < previous ? "down" : "flat";
  if (previous === 0n) return { percent: current === 0n ? "0.0" : null, trend };
  const base = previous < 0n ? -previous : previous;
  const numerator = (current - previous) * 1000n;
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const tenths = (magnitude * 2n + base) / (base * 2n);
  const text = `${tenths / 10n}.${tenths % 10n}`;
  return { percent: tenths === 0n ? "0.0" : `${negative ? "-" : "+"}${text}`, trend };
}
