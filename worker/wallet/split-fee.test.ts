import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitFee } from "./split-fee.ts";

describe("splitFee", () => {
  it("rounds the fee down and gives the creator the rest", () => {
    expect(splitFee(1001n, 2000)).toEqual({ fee: 200n, creatorShare: 801n });
    expect(splitFee(1n, 2000)).toEqual({ fee: 0n, creatorShare: 1n });
    expect(splitFee(1000n, 0)).toEqual({ fee: 0n, creatorShare: 1000n });
    expect(splitFee(1000n, 10_000)).toEqual({ fee: 1000n, creatorShare: 0n });
  });

  it("never loses or creates a millicredit", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 10_000 }), (amount, bps) => {
        const { fee, creatorShare } = splitFee(amount, bps);
        expect(fee + creatorShare).toBe(amount);
        expect(fee).toBeGreaterThanOrEqual(0n);
        expect(fee * 10_000n).toBeLessThanOrEqual(amount * BigInt(bps));
        expect((fee + 1n) * 10_000n).toBeGreaterThan(amount * BigInt(bps));
      }),
    );
  });

  it("rejects fees outside 0–10000 bps", () => {
    expect(() => splitFee(100n, -1)).toThrow();
    expect(() => splitFee(100n, 10_001)).toThrow();
    expect(() => splitFee(100n, 12.5)).toThrow();
  });
});
