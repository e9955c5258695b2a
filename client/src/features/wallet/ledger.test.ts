import { describe, expect, it } from "vitest";
import { creditsSign, ledgerReference } from "./ledger.ts";

describe("ledgerReference", () => {
  it("names a purchase and its provider", () => {
    expect(
      ledgerReference({
        referenceType: "PAYMENT",
        referenceId: "0b0f6a52-8a39-4f3c-9a51-2d7d5b9b1c11",
        metadata: { provider: "STRIPE" },
      }),
    ).toEqual({ label: "Credit purchase", detail: "Paid by card", shortId: "0b0f6a52" });
  });

  it("shows an adjustment's reason", () => {
    expect(
      ledgerReference({ referenceType: "ADMIN", referenceId: "abc", metadata: { reason: " Goodwill ", adminId: "x" } }),
    ).toEqual({ label: "Adjustment by Tollgate", detail: "Goodwill", shortId: null });
  });

  it("ignores metadata it does not understand", () => {
    expect(
      ledgerReference({ referenceType: "METER_EVENT", referenceId: "m1", metadata: { reason: 3 } }).detail,
    ).toBeNull();
  });
});

describe("creditsSign", () => {
  it("tells credits in from credits out", () => {
    expect(creditsSign("500.000")).toBe(1);
    expect(creditsSign("-1.000")).toBe(-1);
    expect(creditsSign("0.000")).toBe(0);
  });
});
