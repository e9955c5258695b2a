import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LOW_BALANCE_MILLIS } from "../../contracts/money.ts";
import { crossedBelow } from "./notify-low-balance.ts";

describe("crossedBelow", () => {
  it("is true only for the debit that takes the balance from at-or-above the threshold to below it", () => {
    const t = LOW_BALANCE_MILLIS;
    expect(crossedBelow({ balanceAfter: t - 1n, debited: 1n })).toBe(true);
    expect(crossedBelow({ balanceAfter: t - 1000n, debited: 1000n })).toBe(true);
    expect(crossedBelow({ balanceAfter: t, debited: 1000n })).toBe(false);
    expect(crossedBelow({ balanceAfter: t - 1001n, debited: 1000n })).toBe(false);
    expect(crossedBelow({ balanceAfter: t - 1n, debited: 0n })).toBe(false);
  });

  it("fires exactly once along any run of debits that goes from above the threshold to below it", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: LOW_BALANCE_MILLIS, max: LOW_BALANCE_MILLIS * 4n }),
        fc.array(fc.bigInt({ min: 1n, max: 20_000n }), { minLength: 1, maxLength: 60 }),
        (start, debits) => {
          let balance = start;
          let fired = 0;
          for (const d of debits) {
            if (d > balance) break; // the ledger refuses a debit above the balance
            balance -= d;
            if (crossedBelow({ balanceAfter: balance, debited: d })) fired += 1;
          }
          expect(fired).toBe(balance < LOW_BALANCE_MILLIS ? 1 : 0);
        },
      ),
    );
  });
});
