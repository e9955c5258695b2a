/**
 * The one credits and money arithmetic shared by the Worker and the client. Credits are
 * bigint millicredits; on the wire they are decimal strings ("12.500"). Money of prices and
 * payments is bigint minor units (cents). Nothing here goes through a float.
 */

/** Millicredits per credit: every amount in the system is a bigint count of these. */
export const MILLIS_PER_CREDIT = 1000n;

/** Postgres bigint: the ledger columns cannot hold more. */
const MAX_MILLIS = 9_223_372_036_854_775_807n;

const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,3}))?$/;

function parse(input: string): bigint | "malformed" | "out of range" {
  const match = DECIMAL.exec(input.trim());
  if (!match) return "malformed";
  const [, sign = "", whole = "0", fraction = ""] = match;
  const magnitude = BigInt(whole) * MILLIS_PER_CREDIT + BigInt(fraction.padEnd(3, "0"));
  if (magnitude > MAX_MILLIS) return "out of range";
  return sign === "-" ? -magnitude : magnitude;
}

/**
 * "12.5" → 12500n. Rejects more than three decimals, exponents, signs other than a leading
 * "-", empty strings, and negatives unless allowNegative. Input reaching this has normally
 * passed creditsAmountSchema at the edge, so a throw here means a caller skipped validation.
 */
export function parseCredits(input: string, options: { allowNegative?: boolean } = {}): bigint {
  const millis = parse(input);
  if (millis === "malformed")
    throw new RangeError(`Not a credits amount with at most 3 decimals: ${JSON.stringify(input)}`);
  if (millis === "out of range") throw new RangeError(`Credits amount out of range: ${input}`);
  if (millis < 0n && !options.allowNegative) throw new RangeError(`Negative credits amount not allowed: ${input}`);
  return millis;
}

/** Like parseCredits (negatives allowed) but null instead of a throw: for display code. */
export function tryParseCredits(input: string): bigint | null {
  const millis = parse(input);
  return typeof millis === "bigint" ? millis : null;
}

/** 12500n → "12.500", -1250n → "-1.250": the wire format, always three decimals, exact. */
export function formatCredits(millis: bigint): string {
  const negative = millis < 0n;
  const magnitude = negative ? -millis : millis;
  const whole = magnitude / MILLIS_PER_CREDIT;
  const fraction = (magnitude % MILLIS_PER_CREDIT).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}

/** Whole credits → millicredits (5 → 5000n). Fractions must go through parseCredits. */
export function creditsToMillis(credits: number | bigint): bigint {
  if (typeof credits === "number" && !Number.isSafeInteger(credits)) {
    throw new RangeError(`Whole credits must be a safe integer: ${credits}`);
  }
  return BigInt(credits) * MILLIS_PER_CREDIT;
}

/** Money in minor units as a decimal string: 1599 cents → "15.99". */
export function formatCents(cents: bigint | number): string {
  const v = BigInt(cents);
  const sign = v < 0n ? "-" : "";
  const abs = v < 0n ? -v : v;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** Below this balance the watch page warns and a LOW_BALANCE notification fires (once per crossing). */
export const LOW_BALANCE_MILLIS = 50n * MILLIS_PER_CREDIT;
