import { CHAT_MAX_GRAPHEMES } from "../../contracts/chat.ts";

export type PreparedChatText = { ok: true; text: string } | { ok: false; code: "EMPTY" | "TOO_LONG"; message: string };

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

// Bidi controls let one message reorder the text shown after it (and spoof names); zero-width
// characters hide words from the filters. ZWJ (U+200D) and ZWNJ (U+200C) stay: emoji sequences
// and several scripts need them.
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060\uFEFF\u180E]/g;
// C0 and C1 controls and DEL, except "\n" (tabs become a space below, so words stay apart).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/** Normalizes a message as typed and checks its length: the text every later rule and reader sees. */
export function prepareChatText(raw: string): PreparedChatText {
  const text = raw
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/\t/g, " ")
    .replace(INVISIBLE, "")
    .replace(CONTROL, "")
    .replace(/[^\S\n]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    // Last: a removed control between a letter and its accent ("a\u202E\u0301") would otherwise
    // leave them uncomposed, and the same message would come out differently the second time.
    .normalize("NFC");
  if (text === "") return { ok: false, code: "EMPTY", message: "Type a message first" };
  if (countUpTo(text, CHAT_MAX_GRAPHEMES + 1) > CHAT_MAX_GRAPHEMES) {
    return { ok: false, code: "TOO_LONG", message: `Messages can be at most ${CHAT_MAX_GRAPHEMES} characters` };
  }
  return { ok: true, text };
}

/** User-perceived characters: an emoji family or a flag counts as one. */
export function graphemeCount(s: string): number {
  return countUpTo(s, Infinity);
}

/** Stops counting at `max`, so a 10,000-character paste costs no more than a long message. */
function countUpTo(s: string, max: number): number {
  let n = 0;
  for (const _ of segmenter.segment(s)) {
    if (++n >= max) break;
  }
  return n;
}
