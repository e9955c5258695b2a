import { describe, expect, it } from "vitest";
import { allowanceWarning, countGraphemes, enterSends, graphemesLeft, secondsUntil } from "./chat-input-rules.ts";

describe("countGraphemes", () => {
  it("counts what a reader sees as one character once", () => {
    expect(countGraphemes("hello")).toBe(5);
    expect(countGraphemes("👍🏽")).toBe(1);
    expect(countGraphemes("👨‍👩‍👧")).toBe(1);
    expect(countGraphemes("e\u0301")).toBe(1);
    expect(countGraphemes("")).toBe(0);
  });

  it("says how many are left of 200", () => {
    expect(graphemesLeft("a".repeat(195))).toBe(5);
    expect(graphemesLeft("a".repeat(201))).toBe(-1);
  });
});

describe("allowanceWarning", () => {
  const allowance = (remaining: number) => ({ remaining, limit: 10, resetInMs: 10_000 });
  it("stays quiet while more than two messages are left", () => {
    expect(allowanceWarning(null, 30_000)).toBeNull();
    expect(allowanceWarning(allowance(3), 30_000)).toBeNull();
  });
  it("warns at two, one and none", () => {
    expect(allowanceWarning(allowance(2), 30_000)).toBe("2 messages left in this 30 s window");
    expect(allowanceWarning(allowance(1), 30_000)).toBe("1 message left in this 30 s window");
    expect(allowanceWarning(allowance(0), 30_000)).toBe("No messages left in this 30 s window");
  });
});

describe("secondsUntil", () => {
  it("rounds up and stops at zero", () => {
    expect(secondsUntil(10_100, 10_000)).toBe(1);
    expect(secondsUntil(12_000, 10_000)).toBe(2);
    expect(secondsUntil(9_000, 10_000)).toBe(0);
  });
});

describe("enterSends", () => {
  it("sends on Enter, not on Shift+Enter nor while composing", () => {
    expect(enterSends({ key: "Enter", shiftKey: false, isComposing: false })).toBe(true);
    expect(enterSends({ key: "Enter", shiftKey: true, isComposing: false })).toBe(false);
    expect(enterSends({ key: "Enter", shiftKey: false, isComposing: true })).toBe(false);
    expect(enterSends({ key: "a", shiftKey: false, isComposing: false })).toBe(false);
  });
});
