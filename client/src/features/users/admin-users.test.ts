import { describe, expect, it } from "vitest";
import { MINUS } from "../../lib/credits.ts";
import { adjustmentMessage, pageSummary, parseUserFilters, reconcileLines } from "./admin-users.ts";

describe("adjustmentMessage", () => {
  it("states the signed amount and the new balance", () => {
    expect(adjustmentMessage({ status: "posted", amount: "25.500", balanceAfter: "1025.500" }, "en-US")).toBe(
      "Booked: +25.500 credits, balance now 1,025.500",
    );
    expect(adjustmentMessage({ status: "posted", amount: "-10.000", balanceAfter: "990.000" }, "en-US")).toBe(
      `Booked: ${MINUS}10.000 credits, balance now 990.000`,
    );
  });

  it("says when the server had booked the request before", () => {
    expect(adjustmentMessage({ status: "duplicate", amount: "25.500", balanceAfter: "1025.500" }, "en-US")).toBe(
      "Already booked: +25.500 credits, balance now 1,025.500",
    );
    expect(adjustmentMessage({ status: "duplicate", amount: "25.500", balanceAfter: null }, "en-US")).toBe(
      "Already booked: +25.500 credits.",
    );
  });
});

describe("reconcileLines", () => {
  it("lists cached, computed, difference and whether the cache was corrected", () => {
    const lines = reconcileLines(
      { cached: "1025.500", computed: "1025.500", difference: "0.000", corrected: false },
      "en-US",
    );
    expect(lines.map((l) => [l.label, l.value])).toEqual([
      ["Cached balance", "1,025.500"],
      ["Sum of ledger entries", "1,025.500"],
      ["Difference", "0.000"],
      ["Corrected", "no"],
    ]);
  });

  it("shows a drift with its sign", () => {
    const lines = reconcileLines(
      { cached: "90.000", computed: "100.000", difference: "-10.000", corrected: true },
      "en-US",
    );
    expect(lines.find((l) => l.testId === "reconcile-difference")?.value).toBe(`${MINUS}10.000`);
    expect(lines.find((l) => l.testId === "reconcile-corrected")?.value).toBe("yes");
  });
});

describe("parseUserFilters", () => {
  it("reads known values and falls back to the defaults", () => {
    expect(parseUserFilters({})).toEqual({
      email: "",
      role: undefined,
      status: undefined,
      sort: "created",
      dir: "desc",
      page: 1,
    });
    expect(
      parseUserFilters({
        email: " Ann@X ",
        role: "CREATOR",
        status: "SUSPENDED",
        sort: "email",
        dir: "asc",
        page: "3",
      }),
    ).toEqual({ email: "ann@x", role: "CREATOR", status: "SUSPENDED", sort: "email", dir: "asc", page: 3 });
    expect(parseUserFilters({ role: "KING", status: "x", sort: "password", dir: "up", page: "-2" })).toMatchObject({
      role: undefined,
      status: undefined,
      sort: "created",
      dir: "desc",
      page: 1,
    });
    expect(parseUserFilters({ page: "1.5" }).page).toBe(1);
  });
});

describe("pageSummary", () => {
  it("counts pages from the total", () => {
    expect(pageSummary(2, 20, 97)).toBe("Page 2 of 5 · 97 users");
    expect(pageSummary(1, 20, 1)).toBe("Page 1 of 1 · 1 user");
    expect(pageSummary(1, 20, 0)).toBe("Page 1 of 1 · 0 users");
  });
});
