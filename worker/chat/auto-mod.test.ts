import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_AUTO_MOD, type AutoModSettings } from "../../contracts/chat.ts";
import { buildAutoMod, SPAM_REPEAT_WINDOW_MS, type SenderHistory } from "./auto-mod.ts";

const NOW = 1_000_000;
const none: SenderHistory = { recent: [] };
const quiet: AutoModSettings = {
  profanity: "off",
  spamBlocking: false,
  linkBlocking: false,
  allowedDomains: [],
  customWords: [],
};
const review = (settings: Partial<AutoModSettings>, text: string, history = none, now = NOW) =>
  buildAutoMod({ ...quiet, ...settings }).review(text, history, now);

describe("profanity", () => {
  it("masks each profane span with asterisks of the same length and keeps the other words", () => {
    expect(review({ profanity: "mask" }, "what the shit is this")).toEqual({ ok: true, text: "what the **** is this" });
    expect(review({ profanity: "mask" }, "a bitch and a fuuuuck")).toEqual({ ok: true, text: "a ***** and a *******" });
  });

  it("keeps the length of every masked message", () => {
    for (const text of ["shit", "sh1t happens", "you are a fucking legend", "\u{1F468}\u200D\u{1F469} shit ok"]) {
      const r = review({ profanity: "mask" }, text);
      expect(r.ok && r.text.length).toBe(text.length);
      expect(r.ok && r.text).not.toBe(text);
    }
  });

  it("leaves clean words that contain profane letters alone", () => {
    for (const text of ["the assassin in class", "Scunthorpe", "a cocktail"]) {
      expect(review({ profanity: "mask" }, text)).toEqual({ ok: true, text });
    }
  });

  it("leaves numbers alone even where leetspeak would read them as a word", () => {
    expect(review({ profanity: "block" }, "I have 455 credits")).toEqual({ ok: true, text: "I have 455 credits" });
    expect(review({ profanity: "mask" }, "a55")).not.toEqual({ ok: true, text: "a55" });
  });

  it("refuses in block mode", () => {
    expect(review({ profanity: "block" }, "what the shit")).toEqual({
      ok: false,
      code: "PROFANITY",
      message: "Please keep it clean: that message contains profanity",
    });
    expect(review({ profanity: "block" }, "what the heck")).toEqual({ ok: true, text: "what the heck" });
  });

  it("passes everything when off", () => {
    expect(review({ profanity: "off" }, "what the shit")).toEqual({ ok: true, text: "what the shit" });
  });
});

describe("custom words", () => {
  const words = { customWords: ["spoiler", "free robux", "c++"] };

  it("refuses a blocked word or phrase, case-insensitively, in every profanity mode", () => {
    for (const profanity of ["off", "mask", "block"] as const) {
      expect(review({ ...words, profanity }, "No SPOILER please")).toMatchObject({ ok: false, code: "BLOCKED_WORD" });
    }
    expect(review(words, "get Free  Robux now")).toMatchObject({ ok: false, code: "BLOCKED_WORD" });
    expect(review(words, "spoiler!")).toMatchObject({ ok: false, code: "BLOCKED_WORD" });
    expect(review(words, "I write c++ daily")).toMatchObject({ ok: false, code: "BLOCKED_WORD" });
  });

  it("does not match inside another word or a partial phrase", () => {
    for (const text of ["spoilers everywhere", "unspoiler", "free stuff", "robux", "c+ grade", "cc++"]) {
      expect(review(words, text)).toEqual({ ok: true, text });
    }
  });

  it("treats word boundaries in any script", () => {
    expect(review({ customWords: ["мат"] }, "это мат")).toMatchObject({ ok: false, code: "BLOCKED_WORD" });
    expect(review({ customWords: ["мат"] }, "математика")).toMatchObject({ ok: true });
  });
});

describe("links", () => {
  const links = { linkBlocking: true, allowedDomains: ["youtube.com", "tollgate.tv"] };
  const blocked = { ok: false, code: "LINK_BLOCKED", message: "Links are not allowed in this chat" };

  it("refuses URLs and bare domains outside the allow-list", () => {
    for (const text of [
      "see https://evil.example/path",
      "http://evil.com",
      "go to www.evil.com now",
      "evil.com",
      "visit evil.co.uk/x?y=1",
      "ping me at me@evil.com",
      "ftp://files.evil.org",
      "https://youtube.com.evil.com/watch",
      "https://notyoutube.com",
      "https://user@evil.com",
      "http://",
      "EVIL.COM",
    ]) {
      expect(review(links, text), text).toEqual(blocked);
    }
  });

  it("allows the allowed domains and their subdomains", () => {
    for (const text of [
      "https://youtube.com/watch?v=abc",
      "https://www.youtube.com/watch?v=abc.def",
      "m.youtube.com",
      "tollgate.tv/alice",
      "HTTPS://WWW.YOUTUBE.COM/page.html",
    ]) {
      expect(review(links, text), text).toEqual({ ok: true, text });
    }
  });

  it("does not mistake decimals, abbreviations, file names or sentences for links", () => {
    for (const text of [
      "pi is 3.14",
      "version 1.2.3",
      "e.g. this, i.e. that",
      "open file.txt and photo.png",
      "I love node.js",
      "wait...what",
      "done.Next thing",
      "Mr. Smith",
    ]) {
      expect(review(links, text), text).toEqual({ ok: true, text });
    }
  });

  it("refuses script and data URLs always, even when allowed-listed or link blocking is off", () => {
    for (const settings of [links, { linkBlocking: false }]) {
      expect(review(settings, "javascript:alert(1)")).toEqual(blocked);
      expect(review(settings, "click JavaScript:void(0)")).toEqual(blocked);
      expect(review(settings, "data:text/html,<script>x</script>")).toEqual(blocked);
    }
    expect(review(links, "data: 5 rows; javascript: fun")).toEqual({ ok: true, text: "data: 5 rows; javascript: fun" });
  });

  it("lets links through when link blocking is off", () => {
    expect(review({ linkBlocking: false }, "https://evil.com")).toEqual({ ok: true, text: "https://evil.com" });
  });

  it("stays fast on long text without dots", () => {
    const text = "a".repeat(4000) + " " + "b-".repeat(2000);
    const start = performance.now();
    review({ ...links, spamBlocking: false }, text);
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe("spam", () => {
  const spam = { spamBlocking: true };

  it("refuses the same text again within 30 s, ignoring case and spacing", () => {
    const history = { recent: [{ text: "Hello  there", at: NOW - 10_000 }] };
    expect(review(spam, "hello there", history)).toEqual({
      ok: false,
      code: "SPAM",
      message: "You just sent that message",
    });
    expect(review(spam, "hello there", history, NOW - 10_000 + SPAM_REPEAT_WINDOW_MS)).toEqual({
      ok: true,
      text: "hello there",
    });
    expect(review(spam, "hello there", history, NOW - 10_000 + SPAM_REPEAT_WINDOW_MS - 1)).toMatchObject({
      code: "SPAM",
    });
    expect(review(spam, "hello again", history)).toMatchObject({ ok: true });
  });

  it("refuses one character 15 times in a row but not 14", () => {
    expect(review(spam, "no" + "o".repeat(14))).toMatchObject({ ok: false, code: "SPAM" });
    expect(review(spam, "n" + "o".repeat(14))).toMatchObject({ ok: true });
    expect(review(spam, "\u{1F602}".repeat(15))).toMatchObject({ ok: false, code: "SPAM" });
    expect(review(spam, "!".repeat(15))).toMatchObject({ ok: false, code: "SPAM" });
  });

  it("refuses a message of 20+ characters that is mostly one character", () => {
    expect(review(spam, "a a a a a a a a a a a")).toMatchObject({ ok: false, code: "SPAM" });
    expect(review(spam, "xAxaxaxaxaxaxaxaxaxaxy")).toMatchObject({ ok: true });
    expect(review(spam, "aaaaaaaaaaaaabaaaaaaaaaa")).toMatchObject({ ok: false, code: "SPAM" });
    expect(review(spam, "a a a a a a a")).toMatchObject({ ok: true });
  });

  it("refuses shouting: 12+ letters and more than 70% capitals", () => {
    expect(review(spam, "THIS IS SO COOL")).toEqual({
      ok: false,
      code: "SPAM",
      message: "Please don't shout: too many capital letters",
    });
    expect(review(spam, "OMG LOL WOW")).toMatchObject({ ok: true }); // 9 letters
    expect(review(spam, "I love NASA and the ISS")).toMatchObject({ ok: true });
    expect(review(spam, "中文没有大小写所以这不是喊叫的消息")).toMatchObject({ ok: true });
  });

  it("does none of this when spam blocking is off", () => {
    const history = { recent: [{ text: "hello", at: NOW - 1 }] };
    for (const text of ["hello", "o".repeat(30), "THIS IS SO VERY COOL"]) {
      expect(review({ spamBlocking: false }, text, history)).toEqual({ ok: true, text });
    }
  });
});

describe("defaults", () => {
  it("mask profanity, block links and spam", () => {
    const mod = buildAutoMod(DEFAULT_AUTO_MOD);
    expect(mod.review("well shit", none, NOW)).toEqual({ ok: true, text: "well ****" });
    expect(mod.review("see evil.com", none, NOW)).toMatchObject({ code: "LINK_BLOCKED" });
    expect(mod.review("WHY IS NOBODY TALKING", none, NOW)).toMatchObject({ code: "SPAM" });
    expect(mod.review("good stream tonight", none, NOW)).toEqual({ ok: true, text: "good stream tonight" });
  });

  it("never changes the length of an accepted text, and refuses with a message", () => {
    const mod = buildAutoMod({ ...DEFAULT_AUTO_MOD, spamBlocking: false });
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const r = mod.review(text, none, NOW);
        if (r.ok) expect(r.text.length).toBe(text.length);
        else expect(r.message.length).toBeGreaterThan(0);
      }),
    );
  });
});
