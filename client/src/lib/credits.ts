/**
 * Credits arrive as decimal strings with three decimals ("1000.000", "-1.000"). They are shown
 * and compared as strings and bigint millicredits, never through a float.
 */
const CREDITS_PATTERN = /^([+-]?)(\d+)(?:\.(\d{1,3}))?$/;

/** "12.5" → 12500n millicredits; null when the string is not an amount of credits. */
export function parseMillis(value: string): bigint | null {
  const match = CREDITS_PATTERN.exec(value.trim());
  if (!match) return null;
  const [, sign = "", whole = "0", fraction = ""] = match;
  const millis = BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, "0"));
  return sign === "-" ? -millis : millis;
}

export interface FormatCreditsOptions {
  locale?: string | undefined;
  /** Drop trailing zero decimals: "1,000" instead of "1,000.000". */
  compact?: boolean;
  /** Prefix positive amounts with "+" (ledger amounts). */
  signed?: boolean;
}

/** Shown for negative amounts: a real minus sign, which screen readers read as "minus". */
export const MINUS = "\u2212";

/** "1000.000" → "1,000.000" (grouped for the locale); unparsable input comes back unchanged. */
export function formatCredits(value: string, options: FormatCreditsOptions = {}): string {
  const millis = parseMillis(value);
  if (millis === null) return value;
  const negative = millis < 0n;
  const abs = negative ? -millis : millis;
  const whole = new Intl.NumberFormat(options.locale, { useGrouping: true }).format(abs / 1000n);
  let fraction = (abs % 1000n).toString().padStart(3, "0");
  if (options.compact) fraction = fraction.replace(/0+$/, "");
  const number = fraction ? `${whole}${decimalSeparator(options.locale)}${fraction}` : whole;
  const sign = negative ? MINUS : options.signed && abs > 0n ? "+" : "";
  return `${sign}${number}`;
}

function decimalSeparator(locale: string | undefined): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === "decimal")?.value ?? ".";
}

export type BalanceLevel = "healthy" | "low" | "empty";

/** Thresholds in millicredits: at least 100 credits is healthy, at least 10 is low. */
const HEALTHY_FROM = 100_000n;
const LOW_FROM = 10_000n;

export function balanceLevel(balance: string): BalanceLevel {
  const millis = parseMillis(balance) ?? 0n;
  if (millis >= HEALTHY_FROM) return "healthy";
  if (millis >= LOW_FROM) return "low";
  return "empty";
}

/** Words for each level, so the indicator never relies on colour alone. */
export const BALANCE_LEVEL_LABELS: Record<BalanceLevel, string> = {
  healthy: "Healthy balance",
  low: "Running low",
  empty: "Almost empty",
};

/** The sign of an amount, for colouring ledger rows. */
export function creditsSign(value: string): -1 | 0 | 1 {
  const millis = parseMillis(value) ?? 0n;
  return millis > 0n ? 1 : millis < 0n ? -1 : 0;
}
