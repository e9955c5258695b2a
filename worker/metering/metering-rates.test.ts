import { describe, expect, it } from "vitest";
import { meteringRateFor, type MeteringSettings } from "./metering-rates.ts";

const settings: MeteringSettings = {
  defaultRatePerMinute: 6000n,
  minimumBalance: 0n,
  categoryRates: new Map([["music", 3000n]]),
};

describe("meteringRateFor", () => {
  it("uses the default of 6 credits a minute", () => {
    expect(meteringRateFor(settings, { categoryId: null, premiumMultiplierBps: 10_000 })).toBe(6000n);
    expect(meteringRateFor(settings, { categoryId: "gaming", premiumMultiplierBps: 10_000 })).toBe(6000n);
  });
  it("applies a category override, then the stream's premium multiplier, rounding down", () => {
    expect(meteringRateFor(settings, { categoryId: "music", premiumMultiplierBps: 10_000 })).toBe(3000n);
    expect(meteringRateFor(settings, { categoryId: "music", premiumMultiplierBps: 15_000 })).toBe(4500n);
    expect(meteringRateFor(settings, { categoryId: null, premiumMultiplierBps: 3_333 })).toBe(1999n);
  });
});
