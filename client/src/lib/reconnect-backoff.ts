/** The first retry waits about this long; each failure doubles it, up to the cap. */
export const RECONNECT_BASE_MS = 1_000;
export const RECONNECT_CAP_MS = 30_000;
/** After this many failed connects in a row a live view falls back to polling (the chat panel, its history). */
export const RECONNECT_ATTEMPTS_BEFORE_FALLBACK = 4;

/**
 * How long to wait before reconnect attempt `attempt` (0 = the first retry): exponential with
 * "equal jitter" (half fixed, half random), so a room full of viewers dropped together does not
 * come back in one burst, yet nobody retries instantly.
 */
export function reconnectDelay(
  attempt: number,
  random: () => number = Math.random,
  baseMs = RECONNECT_BASE_MS,
  capMs = RECONNECT_CAP_MS,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}
