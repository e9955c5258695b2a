import { CHAT_MAX_GRAPHEMES, type ChatAllowance } from "@contracts/chat.ts";

/** Warn the sender when this few messages are left in the rate window. */
export const ALLOWANCE_WARNING_AT = 2;

const segmenter =
  typeof Intl !== "undefined" && "Segmenter" in Intl
    ? new Intl.Segmenter(undefined, { granularity: "grapheme" })
    : null;

/** User-perceived characters (an emoji with its modifiers is one), as the object counts them. */
export function countGraphemes(text: string): number {
  if (!segmenter) return [...text].length;
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

/** Characters left before the limit; negative when over. */
export const graphemesLeft = (text: string, max = CHAT_MAX_GRAPHEMES) => max - countGraphemes(text);

/** "2 messages left in this 30 s window", or null while there are plenty. */
export function allowanceWarning(allowance: ChatAllowance | null, windowMs: number): string | null {
  if (!allowance || allowance.remaining > ALLOWANCE_WARNING_AT) return null;
  const seconds = Math.round(windowMs / 1000);
  if (allowance.remaining === 0) return `No messages left in this ${seconds} s window`;
  return `${allowance.remaining} ${allowance.remaining === 1 ? "message" : "messages"} left in this ${seconds} s window`;
}

/** Whole seconds left until `until` (epoch ms), never below zero. */
export const secondsUntil = (until: number, now: number) => Math.max(0, Math.ceil((until - now) / 1000));

/** What Enter does in the message box: send, or leave it to the textarea (Shift+Enter, composing IME text). */
export function enterSends(event: Pick<KeyboardEvent, "key" | "shiftKey" | "isComposing">): boolean {
  return event.key === "Enter" && !event.shiftKey && !event.isComposing;
}
