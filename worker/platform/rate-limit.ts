import type { Context } from "hono";
import { AppError } from "./errors.ts";
import type { AppEnv } from "./types.ts";
import type { RateDecision } from "./rate-limit-window.ts";

export interface Limit {
  limit: number;
  windowMs: number;
}

/** Named limits, per IP and per account (per user for the signed-in ones). */
export const LIMITS = {
  /** Login limits count failed attempts only (`limitFailures`). */
  loginIp: { limit: 30, windowMs: 10 * 60_000 },
  /** Guessing one account from one network: the owner's own network keeps its budget. */
  loginAccountIp: { limit: 10, windowMs: 15 * 60_000 },
  /** A backstop against guessing spread over many networks; high so strangers cannot lock the owner out. */
  loginAccount: { limit: 100, windowMs: 15 * 60_000 },
  registerIp: { limit: 10, windowMs: 60 * 60_000 },
  verifyIp: { limit: 30, windowMs: 60 * 60_000 },
  resendIp: { limit: 10, windowMs: 60 * 60_000 },
  resendAccount: { limit: 3, windowMs: 60 * 60_000 },
  resetIp: { limit: 10, windowMs: 60 * 60_000 },
  resetAccount: { limit: 3, windowMs: 60 * 60_000 },
  /** Each checkout opens a provider session: a script must not open thousands. */
  checkoutAccount: { limit: 30, windowMs: 60 * 60_000 },
  /** A ledger export reads up to 50,000 rows. */
  ledgerExportAccount: { limit: 10, windowMs: 10 * 60_000 },
  /** Reports reach a human queue: enough for a real raid, not for flooding the queue. */
  reportAccount: { limit: 20, windowMs: 60 * 60_000 },
  /** Follow and unfollow together: plenty for a person, not for a script toggling follower counts. */
  followAccount: { limit: 60, windowMs: 10 * 60_000 },
  /** Each upload decodes and encodes images: plenty for a person trying thumbnails, not for a script. */
  uploadAccount: { limit: 60, windowMs: 60 * 60_000 },
  /** Unsubscribe links need no sign-in: a signature check each, so keep scripts from grinding. */
  unsubscribeIp: { limit: 30, windowMs: 10 * 60_000 },
} satisfies Record<string, Limit>;

export const clientIp = (c: Context<AppEnv>): string => c.req.header("cf-connecting-ip") ?? "unknown";

/** The client's address as a rate-limit key: IPv6 by its /64, which one subscriber usually holds whole. */
export const clientIpKey = (c: Context<AppEnv>): string => ipBucket(clientIp(c));

export function ipBucket(ip: string): string {
  if (!ip.includes(":")) return ip;
  const address = ip.toLowerCase().split("%")[0] ?? "";
  const mappedV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mappedV4?.[1]) return mappedV4[1];
  const halves = address.split("::");
  if (halves.length > 2) return ip;
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  // A trailing dotted IPv4 takes two groups; it lies in the interface half, so it only counts.
  const tailGroups = tail.reduce((n, g) => n + (g.includes(".") ? 2 : 1), 0);
  const missing = 8 - head.length - tailGroups;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return ip;
  const full = [...head, ...Array<string>(missing).fill("0"), ...tail];
  const prefix = full.slice(0, 4);
  if (!prefix.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return ip;
  return `${prefix.map((g) => parseInt(g, 16).toString(16)).join(":")}::/64`;
}

const limiter = (c: Context<AppEnv>, key: string) => c.env.RATE_LIMITER.get(c.env.RATE_LIMITER.idFromName(key));

function rateLimited(refused: RateDecision[]): AppError {
  const retryAfter = Math.ceil(Math.max(...refused.map((d) => d.retryAfterMs)) / 1000);
  return new AppError(
    "RATE_LIMITED",
    429,
    "Too many attempts; try again later",
    { retryAfterSeconds: retryAfter },
    { "retry-after": String(retryAfter) },
  );
}

/** Counts one hit against each key (a RateLimiter Durable Object per key); 429 when any is spent. */
export async function enforceRateLimits(c: Context<AppEnv>, hits: [key: string, limit: Limit][]): Promise<void> {
  const decisions = await Promise.all(hits.map(([key, l]) => limiter(c, key).hit(l.limit, l.windowMs)));
  const refused = decisions.filter((d) => !d.allowed);
  if (refused.length) throw rateLimited(refused);
}

/**
 * Runs an attempt under limits that count its failures only. Each attempt takes its slots up front,
 * so a burst of parallel guesses cannot overshoot, and gives them back unless it failed (`isFailure`)
 * or it was refused.
 */
export async function limitFailures<T>(
  c: Context<AppEnv>,
  hits: [key: string, limit: Limit][],
  attempt: () => Promise<T>,
  isFailure: (error: unknown) => boolean,
): Promise<T> {
  const decisions = await Promise.all(hits.map(([key, l]) => limiter(c, key).hit(l.limit, l.windowMs)));
  const release = async () => {
    await Promise.all(hits.filter((_, i) => decisions[i]?.allowed).map(([key]) => limiter(c, key).release()));
  };
  const refused = decisions.filter((d) => !d.allowed);
  if (refused.length) {
    await release();
    throw rateLimited(refused);
  }
  try {
    const result = await attempt();
    await release();
    return result;
  } catch (error) {
    if (!isFailure(error)) await release();
    throw error;
  }
}
