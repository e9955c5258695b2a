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
