import { describe, expect, it } from "vitest";
import { balanceLevel } from "./balance-level.ts";

describe("balanceLevel", () => {
  it("is healthy from 100 credits, low from 10, empty below", () => {
    expect(balanceLevel("1000.000")).toBe("healthy");
    expect(balanceLevel("100.000")).toBe("healthy");
    expect(balanceLevel("99.999")).toBe("low");
    expect(balanceLevel("10.000")).toBe("low");
    expect(balanceLevel("9.999")).toBe("empty");
    expect(balanceLevel("0.000")).toBe("empty");
    expect(balanceLevel("-5.000")).toBe("empty");
  });
});
