import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";
import type { AutoModSettings } from "../../contracts/chat.ts";

/** The sender's last few accepted messages, as submitted (before masking). */
export interface SenderHistory {
  recent: { text: string; at: number }[];
}

export type AutoModVerdict =
  | { ok: true; /** The text to store and broadcast: profanity masked when the mode says so. */ text: string }
  | { ok: false; code: "PROFANITY" | "BLOCKED_WORD" | "LINK_BLOCKED" | "SPAM"; message: string };

export interface AutoMod {
  review(text: string, history: SenderHistory, now: number): AutoModVerdict;
}

/** Sending the same text again within this long is spam. */
export const SPAM_REPEAT_WINDOW_MS = 30_000;
const FLOOD_RUN = 15;
const FLOOD_MIN_GRAPHEMES = 20;
const FLOOD_SHARE = 0.8;
const CAPS_MIN_LETTERS = 12;
const CAPS_SHARE = 0.7;

const MESSAGES = {
  PROFANITY: "Please keep it clean: that message contains profanity",
  BLOCKED_WORD: "That message contains a word that isn't allowed in this chat",
  LINK_BLOCKED: "Links are not allowed in this chat",
  REPEAT: "You just sent that message",
  FLOOD: "Please don't flood the chat with repeated characters",
  CAPS: "Please don't shout: too many capital letters",
} as const;

/** Builds the rules once per settings; `review` is then cheap enough to run on every message. */
export function buildAutoMod(settings: AutoModSettings): AutoMod {
  const customWords = customWordPattern(settings.customWords);
  const allowed = settings.allowedDomains.map((d) => d.toLowerCase());
  const profanity = settings.profanity === "off" ? null : profanityMatcher();

  return {
    review(text, history, now) {
      if (customWords?.test(text)) return refuse("BLOCKED_WORD", MESSAGES.BLOCKED_WORD);
      if (hasDangerousScheme(text)) return refuse("LINK_BLOCKED", MESSAGES.LINK_BLOCKED);
      if (settings.linkBlocking && linkHosts(text).some((host) => !isAllowedHost(host, allowed))) {
        return refuse("LINK_BLOCKED", MESSAGES.LINK_BLOCKED);
      }
      if (settings.spamBlocking) {
        const spam = spamReason(text, history, now);
        if (spam) return refuse("SPAM", spam);
      }
      if (profanity) {
        // Leetspeak reads digits as letters: a span of digits alone ("1733 4556") is a number, not a word.
        const matches = profanity
          .getAllMatches(text)
          .filter((m) => /\p{L}/u.test(text.slice(m.startIndex, m.endIndex + 1)));
        if (matches.length > 0) {
          if (settings.profanity === "block") return refuse("PROFANITY", MESSAGES.PROFANITY);
          return { ok: true, text: maskSpans(text, matches) };
        }
      }
      return { ok: true, text };
    },
  };
}

function refuse(code: "PROFANITY" | "BLOCKED_WORD" | "LINK_BLOCKED" | "SPAM", message: string): AutoModVerdict {
  return { ok: false, code, message };
}

// ---- profanity ----

let sharedMatcher: RegExpMatcher | undefined;
/** The dataset never changes, so every AutoMod shares one matcher (compiling it is the costly part). */
function profanityMatcher(): RegExpMatcher {
  sharedMatcher ??= new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return sharedMatcher;
}

/**
 * Obscenity's own censor writes one asterisk per matched character *after* its transformers
 * ("fuuuuck" → "****"); we mask every code point of the original span so the text keeps its length.
 */
function maskSpans(text: string, spans: readonly { startIndex: number; endIndex: number }[]): string {
  const masked = new Array<boolean>(text.length).fill(false);
  for (const { startIndex, endIndex } of spans) {
    for (let i = startIndex; i <= endIndex && i < text.length; i++) masked[i] = true;
  }
  let out = "";
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    out += masked[i] ? "*" : String.fromCodePoint(cp);
    i += width;
  }
  return out;
}

// ---- custom words ----

function customWordPattern(words: readonly string[]): RegExp | null {
  const alternatives = words
    .map((w) => w.trim().normalize("NFC"))
    .filter((w) => w !== "")
    .map((w) => w.split(/\s+/u).map(escapeRegExp).join("\\s+"));
  if (alternatives.length === 0) return null;
  // Longest first, so a phrase wins over a word it starts with; boundaries are letters and digits of any script.
  alternatives.sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}_])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}\\p{M}_])`, "iu");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

// ---- links ----

/** Schemes that run code or embed content when clicked: refused even when link blocking is off. */
const DANGEROUS_SCHEME = /(?<![\p{L}\p{N}])(javascript|vbscript|data):(?=\S)/giu;
function hasDangerousScheme(text: string): boolean {
  for (const m of text.matchAll(DANGEROUS_SCHEME)) {
    if (m[1]?.toLowerCase() !== "data") return true;
    // "data:5 rows" is prose; "data:text/html,…" is not.
    if (/^[a-z]+\/[\w.+-]+[;,]/i.test(text.slice(m.index + m[0].length))) return true;
  }
  return false;
}

/** Explicit URLs: any scheme followed by "//" (http, https, ftp, …). */
const SCHEME_URL = /(?<![\p{L}\p{N}])[a-z][a-z0-9+.-]*:\/\/(?:[^\s/@]*@)?([^\s/:?#]*)\S*/giu;
/** Bare domains ("example.com", "www.x.co/path", "a.example.org:8080"). Labels may be in any script. */
const BARE_DOMAIN =
  /(?<![\p{L}\p{N}\p{M}._-])((?:[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]*[\p{L}\p{N}\p{M}])?\.)+(\p{L}{2,24}))\.?(?::\d{1,5})?(?:[/?#]\S*)?(?![\p{L}\p{N}\p{M}_-])/gu;

/**
 * File names that look like domains. Not "zip" or "mov": both are real TLDs used in phishing,
 * so "file.zip" is refused along with them.
 */
const FILE_EXTENSIONS = new Set(
  (
    "txt png jpg jpeg gif webp svg bmp ico heic tif tiff exe dll msi dmg apk js mjs cjs ts tsx jsx json md pdf " +
    "doc docx xls xlsx ppt pptx csv xml yml yaml html htm css scss py rb php java kt swift cpp hpp cs " +
    "sh bat ps log ini cfg conf toml lock mp3 mp4 wav flac ogg avi mkv webm tar gz tgz rar iso bin sql"
  ).split(" "),
);

/** Hosts of every link in the text; an explicit URL with no host counts as an empty host (refused). */
function linkHosts(text: string): string[] {
  const hosts: string[] = [];
  const rest = text.replace(SCHEME_URL, (_url, host: string) => {
    hosts.push(normalizeHost(host));
    return " ";
  });
  for (const m of rest.matchAll(BARE_DOMAIN)) {
    const [, host = "", tld = ""] = m;
    if (FILE_EXTENSIONS.has(tld.toLowerCase())) continue;
    // "end of sentence.Next one": a missing space, not a domain nobody types in title case.
    if (/^\p{Lu}\p{Ll}+$/u.test(tld)) continue;
    hosts.push(normalizeHost(host));
  }
  return hosts;
}

function normalizeHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, "");
}

function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  return host !== "" && allowed.some((d) => host === d || host.endsWith(`.${d}`));
}

// ---- spam ----

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function spamReason(text: string, history: SenderHistory, now: number): string | null {
  const key = repeatKey(text);
  if (history.recent.some((m) => now - m.at < SPAM_REPEAT_WINDOW_MS && repeatKey(m.text) === key)) {
    return MESSAGES.REPEAT;
  }
  if (isFlood(text)) return MESSAGES.FLOOD;
  if (isShouting(text)) return MESSAGES.CAPS;
  return null;
}

function repeatKey(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/gu, " ").trim();
}

function isFlood(text: string): boolean {
  let total = 0;
  let visible = 0;
  let run = 0;
  let previous = "";
  const counts = new Map<string, number>();
  for (const { segment } of graphemes.segment(text.toLowerCase())) {
    total++;
    run = segment === previous ? run + 1 : 1;
    previous = segment;
    if (run >= FLOOD_RUN) return true;
    if (/^\s+$/u.test(segment)) continue;
    visible++;
    counts.set(segment, (counts.get(segment) ?? 0) + 1);
  }
  if (total < FLOOD_MIN_GRAPHEMES) return false;
  const top = Math.max(0, ...counts.values());
  return top >= FLOOD_SHARE * visible;
}

function isShouting(text: string): boolean {
  // Only letters that have a case count: Chinese or Arabic text is never "shouting".
  const cased = text.match(/[\p{Lu}\p{Ll}\p{Lt}]/gu) ?? [];
  if (cased.length < CAPS_MIN_LETTERS) return false;
  const upper = cased.filter((c) => /\p{Lu}/u.test(c)).length;
  return upper > CAPS_SHARE * cased.length;
}
