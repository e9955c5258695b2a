import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PRIORITY_WEIGHTS, reportPriority } from "../../contracts/moderation.ts";
import { extendedExpiry, isInForce } from "./restriction-rules.ts";

const T0 = Date.UTC(2026, 0, 1);
const at = (offsetMs: number) => new Date(T0 + offsetMs);
const date = fc.integer({ min: -10 * 86_400_000, max: 10 * 86_400_000 }).map(at);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

describe("isInForce", () => {
  it.each([
    ["permanent, never lifted", { expiresAt: null, revokedAt: null }, true],
    ["expires in a second", { expiresAt: at(1000), revokedAt: null }, true],
    ["expires exactly now", { expiresAt: at(0), revokedAt: null }, false],
    ["expired a second ago", { expiresAt: at(-1000), revokedAt: null }, false],
    ["permanent, lifted a second ago", { expiresAt: null, revokedAt: at(-1000) }, false],
    ["temporary, lifted now", { expiresAt: at(60_000), revokedAt: at(0) }, false],
    // A revocation stamped in the future (clock skew between writers) does not end it early.
    ["lifted at a later instant", { expiresAt: null, revokedAt: at(1000) }, true],
  ])("%s → %s", (_name, action, expected) => {
    expect(isInForce(action, at(0))).toBe(expected);
  });

  it("is exactly: not lifted by now, and no expiry or an expiry after now", () => {
    fc.assert(
      fc.property(maybe(date), maybe(date), date, (expiresAt, revokedAt, now) => {
        const expected =
          (revokedAt === null || revokedAt.getTime() > now.getTime()) &&
          (expiresAt === null || expiresAt.getTime() > now.getTime());
        expect(isInForce({ expiresAt, revokedAt }, now)).toBe(expected);
      }),
    );
  });

  it("ends on time without anything running: once out of force, it stays out for every later instant", () => {
    fc.assert(
      fc.property(maybe(date), maybe(date), date, fc.nat(86_400_000), (expiresAt, revokedAt, now, later) => {
        fc.pre(!isInForce({ expiresAt, revokedAt }, now));
        expect(isInForce({ expiresAt, revokedAt }, new Date(now.getTime() + later))).toBe(false);
      }),
    );
  });
});

describe("extendedExpiry", () => {
  it("adds to the current end while it is ahead, else to now; a permanent ban stays permanent", () => {
    fc.assert(
      fc.property(maybe(date), date, fc.integer({ min: 60, max: 365 * 86_400 }), (current, now, seconds) => {
        const next = extendedExpiry(current, { extendBySeconds: seconds }, now);
        if (current === null) {
          expect(next).toBeNull();
          return;
        }
        const base = Math.max(current.getTime(), now.getTime());
        expect(next?.getTime()).toBe(base + seconds * 1000);
        // The result is always in force at `now`.
        expect(isInForce({ expiresAt: next, revokedAt: null }, now)).toBe(true);
      }),
    );
  });

  it("takes a given end as it is, also for a permanent ban", () => {
    expect(extendedExpiry(null, { expiresAt: at(5000) }, at(0))).toEqual(at(5000));
    expect(extendedExpiry(at(100), { expiresAt: at(5000) }, at(0))).toEqual(at(5000));
  });
});

describe("reportPriority", () => {
  it.each([
    [0, 0, 0],
    [3, 0, 3],
    [1, 2, 5],
    [10, 10, 30],
  ])("%i open reports and %i past violations → %i", (open, violations, expected) => {
    expect(reportPriority(open, violations)).toBe(expected);
  });

  it("grows with each open report and each past violation", () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), (open, violations) => {
        expect(reportPriority(open + 1, violations) - reportPriority(open, violations)).toBe(
          PRIORITY_WEIGHTS.openReport,
        );
        expect(reportPriority(open, violations + 1) - reportPriority(open, violations)).toBe(
          PRIORITY_WEIGHTS.pastViolation,
        );
      }),
    );
  });
});
