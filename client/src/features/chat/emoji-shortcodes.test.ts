import { describe, expect, it } from "vitest";
import { renderShortcodes } from "./emoji-shortcodes.ts";

describe("renderShortcodes", () => {
  it("replaces known shortcodes, case-insensitively", () => {
    expect(renderShortcodes("hi :smile: :HEART:")).toBe("hi 😄 ❤️");
    expect(renderShortcodes(":+1::fire:")).toBe("👍🔥");
  });

  it("leaves unknown shortcodes and plain colons alone", () => {
    expect(renderShortcodes("time 12:30, :nope: :")).toBe("time 12:30, :nope: :");
  });

  it("does not reach into the prototype", () => {
    expect(renderShortcodes(":constructor: :__proto__: :toString:")).toBe(":constructor: :__proto__: :toString:");
  });

  it("returns markup as the same text (it is rendered as a text node)", () => {
    expect(renderShortcodes("<img src=x onerror=alert(1)> :smile:")).toBe("<img src=x onerror=alert(1)> 😄");
  });
});
