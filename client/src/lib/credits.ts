import { MILLIS_PER_CREDIT, tryParseCredits } from "@contracts/money.ts";

/**
 * Credits as people read them. Amounts arrive as the wire's decimal strings ("1000.000",
 * "-1.000") and are read with the parser the Worker uses (`tryParseCredits`, exact bigint
 * millicredits); only the grouping and the decimal mark follow the user's locale.
 */

export interface DisplayCreditsOptions {
  locale?: string | undefined;
  /** Drop trailing zero decimals: "1,000" instead of "1,000.000". */
  compact?: boolean;
  /** Prefix positive amounts with "+" (ledger amounts). */
  signed?: boolean;
}

/** Shown for negative amounts: a real minus sign, which screen readers read as "minus". */
export const MINUS = "\u2212";

/** "1000.000" → "1,000.000" (grouped for the locale); unparsable input comes back unchanged. */
export function displayCredits(value: string, options: DisplayCreditsOptions = {}): string {
  const millis = tryParseCredits(value);
  if (millis === null) return value;
  const negative = millis < 0n;
  const abs = negative ? -millis : millis;
  const whole = new Intl.NumberFormat(options.locale, { useGrouping: true }).format(abs / MILLIS_PER_CREDIT);
  let fraction = (abs % MILLIS_PER_CREDIT).toString().padStart(3, "0");
  if (options.compact) fraction = fraction.replace(/0+$/, "");
  const number = fraction ? `${whole}${decimalSeparator(options.locale)}${fraction}` : whole;
  const sign = negative ? MINUS : options.signed && abs > 0n ? "+" : "";
  return `${sign}${number}`;
}

function decimalSeparator(locale: string | undefined): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === "decimal")?.value ?? ".";
}
