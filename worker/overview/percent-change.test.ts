import { describe, expect, it } from "vitest";
import { percentChange } from "./percent-change.ts";

describe("percentChange", () => {
  it("gives tenths of a percent from bigints, rounded half away from zero", () => {
    expect(percentChange(1125n, 1000n)).toEqual({ percent: "+12.5", trend: "up" });
    expect(percentChange(0n, 5000n)).toEqual({ percent: "-100.0", trend: "down" });
    expect(percentChange(2n, 3n)).toEqual({ percent: "-33.3", trend: "down" });
    expect(percentChange(1n, 3n)).toEqual({ percent: "-66.7", trend: "down" });
    expect(percentChange(3n, 1n)).toEqual({ percent: "+200.0", trend: "up" });
    // 0.05 % rounds up to 0.1; 0.005 % shows as 0.0 while the trend still says which way.
    expect(percentChange(20_001n, 20_000n)).toEqual({ percent: "0.0", trend: "up" });
    expect(percentChange(10_005n, 10_000n)).toEqual({ percent: "+0.1", trend: "up" });
    expect(percentChange(9_995n, 10_000n)).toEqual({ percent: "-0.1", trend: "down" });
    expect(percentChange(7n, 7n)).toEqual({ percent: "0.0", trend: "flat" });
  });

  it("has no percentage without a previous amount", () => {
    expect(percentChange(500n, 0n)).toEqual({ percent: null, trend: "up" });
    expect(percentChange(0n, 0n)).toEqual({ percent: "0.0", trend: "flat" });
  });

  it("stays exact beyond Number's safe integers", () => {
    const previous = 9_007_199_254_740_993_000n;
    expect(percentChange(previous * 3n, previous)).toEqual({ percent: "+200.0", trend: "up" });
    expect(percentChange(previous + previous / 1000n, previous)).toEqual({ percent: "+0.1", trend: "up" });
  });
});
