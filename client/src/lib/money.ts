/** Money in a currency, as the API sends it: decimal strings ("15.99") and integer cents. */

/**
 * "12.34" → 1234 cents, by string parsing rather than float arithmetic (12.34 * 100 is
 * 1233.9999…). Accepts "12", "12.3", "12.34", ".5", an optional leading "$" and spaces;
 * anything else (more than two decimals, signs, letters) gives null.
 */
export function parseDollarsToCents(input: string): number | null {
  const match = /^\$?\s*(\d{0,9})(?:\.(\d{0,2}))?$/.exec(input.trim());
  if (!match) return null;
  const [, whole = "", fraction = ""] = match;
  if (whole === "" && fraction === "") return null;
  return Number(whole || "0") * 100 + Number(fraction.padEnd(2, "0"));
}

/** "15.99", "usd" → "$15.99" in the user's locale; an unknown currency code falls back to "15.99 XYZ". */
export function formatMoney(amount: string, currency: string, locale?: string): string {
  try {
    const format = new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() });
    // Intl formats decimal strings exactly (no float conversion) in current engines.
    return isDecimal(amount) ? format.format(amount) : `${amount} ${currency.toUpperCase()}`;
  } catch {
    return `${amount} ${currency.toUpperCase()}`;
  }
}

function isDecimal(value: string): value is `${number}` {
  return /^-?\d+(\.\d+)?$/.test(value);
}

/** One whole unit of the currency ("$1"), for "credits per $1". */
export function currencyUnit(currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency: currency.toUpperCase(),
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    }).format(1);
  } catch {
    return `1 ${currency.toUpperCase()}`;
  }
}

/** True for an amount above zero ("0.00" → false), e.g. whether a payment was partly refunded. */
export function isPositiveAmount(amount: string): boolean {
  const cents = parseDollarsToCents(amount);
  return cents !== null && cents > 0;
}
