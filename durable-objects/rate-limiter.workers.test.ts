import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { RateLimiter } from "./rate-limiter.ts";

describe("RateLimiter Durable Object", () => {
  it("refuses past the limit, persists the window, and forgets it when its alarm fires", async () => {
    const stub = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(`test:${crypto.randomUUID()}`));
    expect((await stub.hit(2, 60_000)).allowed).toBe(true);
    expect((await stub.hit(2, 60_000)).allowed).toBe(true);
    const refused = await stub.hit(2, 60_000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    const stored = await runInDurableObject(stub, (_obj: RateLimiter, state) =>
      state.storage.get<{ hits: number[] }>("window"),
    );
    expect(stored?.hits).toHaveLength(2);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect((await stub.hit(2, 60_000)).allowed).toBe(true);
  });
});
