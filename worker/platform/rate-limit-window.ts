/** Fixed-size sliding log: the rule behind the RateLimiter object, pure so it is tested in plain vitest. */
export interface WindowState {
  hits: number[];
}

export interface RateDecision {
  allowed: boolean;
  remaining: number;
  /** Milliseconds until the next hit would be allowed (0 when allowed). */
  retryAfterMs: number;
}

export function takeHit(state: WindowState, now: number, limit: number, windowMs: number): [WindowState, RateDecision] {
  const hits = state.hits.filter((t) => t > now - windowMs);
  if (hits.length >= limit) {
    const oldest = hits[0] ?? now;
    return [{ hits }, { allowed: false, remaining: 0, retryAfterMs: Math.max(1, oldest + windowMs - now) }];
  }
  hits.push(now);
  return [{ hits }, { allowed: true, remaining: limit - hits.length, retryAfterMs: 0 }];
}

/** Gives back one hit (the newest): an attempt that turned out not to count, e.g. a successful login. */
export function releaseHit(state: WindowState): WindowState {
  return { hits: state.hits.slice(0, -1) };
}
