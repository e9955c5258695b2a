import { describe, expect, it } from "vitest";
import { closedDaysEnd } from "./fill-analytics-rollup.ts";

const at = (iso: string) => closedDaysEnd(new Date(iso)).toISOString();

describe("closedDaysEnd", () => {
  it("closes a UTC day an hour after it ends", () => {
    expect(at("2026-12-02T00:59:59.999Z")).toBe("2026-12-01T00:00:00.000Z");
    expect(at("2026-12-02T01:00:00.000Z")).toBe("2026-12-02T00:00:00.000Z");
    expect(at("2026-12-02T23:59:59.999Z")).toBe("2026-12-02T00:00:00.000Z");
    expect(at("2027-01-01T00:30:00.000Z")).toBe("2026-12-31T00:00:00.000Z");
  });
});
