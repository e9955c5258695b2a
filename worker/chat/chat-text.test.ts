import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHAT_MAX_GRAPHEMES } from "../../contracts/chat.ts";
import { graphemeCount, prepareChatText } from "./chat-text.ts";

const FAMILY = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}"; // 👨‍👩‍👧‍👦
const FLAG = "\u{1F1EB}\u{1F1F7}"; // 🇫🇷
/** Any code point, weighted towards the ones the rules act on (fast-check's "binary" unit is slow to generate). */
const anyChar = fc.oneof(
  fc.constantFrom(
    "\u202E",
    "\u2066",
    "\u200B",
    "\uFEFF",
    "\u200D",
    "\r",
    "\n",
    "\t",
    "\u0000",
    "\u0085",
    " ",
    "a",
    "\u0301",
  ),
  fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
);

describe("graphemeCount", () => {
  it("counts what a reader sees as one character once", () => {
    expect(graphemeCount(FAMILY)).toBe(1);
    expect(graphemeCount(FLAG)).toBe(1);
    expect(graphemeCount("e\u0301")).toBe(1);
    expect(graphemeCount(`hi ${FAMILY}!`)).toBe(5);
    expect(graphemeCount("")).toBe(0);
  });
});

describe("prepareChatText", () => {
  it("keeps ordinary text and emoji sequences as typed", () => {
    expect(prepareChatText(`  hello ${FAMILY} world  `)).toEqual({ ok: true, text: `hello ${FAMILY} world` });
  });

  it("composes to NFC", () => {
    expect(prepareChatText("cafe\u0301")).toEqual({ ok: true, text: "caf\u00E9" });
  });

  it("strips bidi overrides and isolates", () => {
    expect(prepareChatText("abc\u202Egnp.exe\u202C")).toEqual({ ok: true, text: "abcgnp.exe" });
    expect(prepareChatText("\u2066x\u2069\u200Ey\u200Fz\u061C")).toEqual({ ok: true, text: "xyz" });
  });

  it("strips zero-width characters but keeps ZWJ and ZWNJ", () => {
    expect(prepareChatText("f\u200Bu\u2060c\uFEFFk\u180E")).toEqual({ ok: true, text: "fuck" });
    expect(prepareChatText("a\u200Cb")).toEqual({ ok: true, text: "a\u200Cb" });
    const ok = prepareChatText(FAMILY);
    expect(ok).toEqual({ ok: true, text: FAMILY });
  });

  it("removes control characters, keeps newlines, turns tabs into spaces", () => {
    expect(prepareChatText("a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u009Fg")).toEqual({ ok: true, text: "abcdefg" });
    expect(prepareChatText("a\tb")).toEqual({ ok: true, text: "a b" });
  });

  it("turns CRLF and CR into LF and collapses blank runs to one empty line", () => {
    expect(prepareChatText("a\r\nb\rc")).toEqual({ ok: true, text: "a\nb\nc" });
    expect(prepareChatText("a\n\n\n\n\nb")).toEqual({ ok: true, text: "a\n\nb" });
    expect(prepareChatText("a\r\n \r\n  \r\n\r\nb")).toEqual({ ok: true, text: "a\n\nb" });
    expect(prepareChatText("a\n\nb")).toEqual({ ok: true, text: "a\n\nb" });
  });

  it("refuses whitespace and invisible-only messages as EMPTY", () => {
    for (const raw of ["", "   ", "\n\n\t", "\u200B\u202E\uFEFF", " \u0000 "]) {
      expect(prepareChatText(raw)).toMatchObject({ ok: false, code: "EMPTY" });
    }
  });

  it("accepts exactly the limit and refuses one more", () => {
    expect(CHAT_MAX_GRAPHEMES).toBe(200);
    expect(prepareChatText("a".repeat(200))).toEqual({ ok: true, text: "a".repeat(200) });
    expect(prepareChatText("a".repeat(201))).toMatchObject({ ok: false, code: "TOO_LONG" });
  });

  it("counts emoji families as one character against the limit", () => {
    const text = FAMILY.repeat(200);
    expect(text.length).toBe(2200);
    expect(prepareChatText(text)).toEqual({ ok: true, text });
    expect(prepareChatText(FAMILY.repeat(201))).toMatchObject({ ok: false, code: "TOO_LONG" });
  });

  it("refuses a 10,000-character word", () => {
    const r = prepareChatText("x".repeat(10_000));
    expect(r).toEqual({ ok: false, code: "TOO_LONG", message: "Messages can be at most 200 characters" });
  });

  it("composes a letter and its accent that a removed control kept apart (found by the property below)", () => {
    expect(prepareChatText("a\u202E\u0301")).toEqual({ ok: true, text: "\u00E1" });
  });

  it("never returns text with controls, bidi marks or surrounding whitespace, and is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: anyChar, maxLength: 300 }), (raw) => {
        const r = prepareChatText(raw);
        if (!r.ok) return;
        // eslint-disable-next-line no-control-regex -- asserting that control characters are gone
        expect(r.text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B\r]/);
        expect(r.text).toBe(r.text.trim());
        expect(r.text).not.toMatch(/\n{3}/);
        expect(graphemeCount(r.text)).toBeLessThanOrEqual(CHAT_MAX_GRAPHEMES);
        expect(prepareChatText(r.text)).toEqual(r);
      }),
    );
  });
});
