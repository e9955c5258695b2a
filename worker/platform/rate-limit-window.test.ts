import { describe, expect, it } from "vitest";
import { releaseHit, takeHit, type WindowState } from "./rate-limit-window.ts";

describe("takeHit", () => {
  it("allows up to the limit within the window, then refuses with a retry time", () => {
    let state: WindowState = { hits: [] };
    for (let i = 0; i < 3; i++) {
      const [next, d] = takeHit(state, 1000 + i, 3, 60_000);
      expect(d.allowed).toBe(true);
      state = next;
    }
    const [, refused] = takeHit(state, 1010, 3, 60_000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBe(1000 + 60_000 - 1010);
  });
  it("forgets hits older than the window", () => {
    const [, d] = takeHit({ hits: [0, 1, 2] }, 70_000, 3, 60_000);
    expect(d).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
  });
});

describe("releaseHit", () => {
  it("gives back the newest hit, so a refunded attempt frees its slot", () => {
    const [state] = takeHit({ hits: [1, 2] }, 3, 3, 60_000);
    expect(takeHit(state, 4, 3, 60_000)[1].allowed).toBe(false);
    expect(takeHit(releaseHit(state), 4, 3, 60_000)[1].allowed).toBe(true);
    expect(releaseHit({ hits: [] })).toEqual({ hits: [] });
  });
});
