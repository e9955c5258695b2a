import type { Context } from "hono";
import { AppError } from "./errors.ts";
import type { AppEnv } from "./types.ts";

export interface Limit {
  limit: number;
  windowMs: number;
}

/** Named limits, per IP and per account (per user for the signed-in ones). */
export const LIMITS = {
  loginIp: { limit: 30, windowMs: 10 * 60_000 },
  loginAccount: { limit: 10, windowMs: 15 * 60_000 },
  registerIp: { limit: 10, windowMs: 60 * 60_000 },
  resendIp: { limit: 10, windowMs: 60 * 60_000 },
  resendAccount: { limit: 3, windowMs: 60 * 60_000 },
  resetIp: { limit: 10, windowMs: 60 * 60_000 },
  resetAccount: { limit: 3, windowMs: 60 * 60_000 },
  /** Each checkout opens a provider session: a script must not open thousands. */
  checkoutAccount: { limit: 30, windowMs: 60 * 60_000 },
  /** A ledger export reads up to 50,000 rows. */
  ledgerExportAccount: { limit: 10, windowMs: 10 * 60_000 },
} satisfies Record<string, Limit>;

export const clientIp = (c: Context<AppEnv>): string => c.req.header("cf-connecting-ip") ?? "unknown";

/** Counts one hit against each key (a RateLimiter Durable Object per key); 429 when any is spent. */
export async function enforceRateLimits(c: Context<AppEnv>, hits: [key: string, limit: Limit][]): Promise<void> {
  const decisions = await Promise.all(
    hits.map(([key, l]) => c.env.RATE_LIMITER.get(c.env.RATE_LIMITER.idFromName(key)).hit(l.limit, l.windowMs)),
  );
  const refused = decisions.filter((d) => !d.allowed);
  if (refused.length) {
    const retryAfter = Math.ceil(Math.max(...refused.map((d) => d.retryAfterMs)) / 1000);
    throw new AppError(
      "RATE_LIMITED",
      429,
      "Too many attempts; try again later",
      { retryAfterSeconds: retryAfter },
      {
        "retry-after": String(retryAfter),
      },
    );
  }
}
