import { describe, expect, it } from "vitest";
import { durationLabel, gatePrompt, initials, modesSummary, statusLabel } from "./chat-labels.ts";

describe("modesSummary", () => {
  it("lists the modes that are on", () => {
    expect(modesSummary({ slowModeSeconds: 30, followersOnly: true, creditOnly: true })).toEqual([
      "Slow mode: 30 s",
      "Followers only",
      "Credit only",
    ]);
    expect(modesSummary({ slowModeSeconds: 0, followersOnly: false, creditOnly: false })).toEqual([]);
    expect(modesSummary(null)).toEqual([]);
  });
});

describe("gatePrompt", () => {
  it("is null when the user can send", () => {
    expect(gatePrompt({ canSend: true })).toBeNull();
  });
  it("explains each reason", () => {
    expect(gatePrompt({ canSend: false, reason: "NO_CREDIT" })?.title).toBe("Chat needs credits");
    expect(gatePrompt({ canSend: false, reason: "FOLLOWERS_ONLY" })?.message).toBe("Follow the creator to chat.");
    expect(
      gatePrompt({ canSend: false, reason: "MUTED", until: new Date(Date.now() + 60_000).toISOString() })?.message,
    ).toMatch(/^You can chat again until /);
    expect(gatePrompt({ canSend: false, reason: "BANNED" })?.message).toBe("A moderator banned you from this chat.");
    expect(gatePrompt({ canSend: false })?.title).toBe("Chat is closed");
  });
});

describe("durationLabel", () => {
  it("uses the largest whole unit", () => {
    expect(durationLabel(60)).toBe("1 min");
    expect(durationLabel(600)).toBe("10 min");
    expect(durationLabel(3600)).toBe("1 h");
    expect(durationLabel(86_400)).toBe("24 h");
    expect(durationLabel(45)).toBe("45 s");
  });
});

describe("initials", () => {
  it("takes the first letters of two words, or two of one", () => {
    expect(initials("Ana Lopez")).toBe("AL");
    expect(initials("viewer")).toBe("VI");
    expect(initials("  ")).toBe("?");
    expect(initials("émile zola")).toBe("ÉZ");
  });
});

describe("statusLabel", () => {
  it("names each connection state, with the countdown to the next attempt", () => {
    expect(statusLabel({ kind: "connecting" }, 0)).toBe("Connecting…");
    expect(statusLabel({ kind: "live" }, 0)).toBe("Live");
    expect(statusLabel({ kind: "reconnecting", at: 4_200 }, 0)).toBe("Reconnecting in 5 s");
    expect(statusLabel({ kind: "reconnecting", at: 0 }, 10)).toBe("Reconnecting…");
    expect(statusLabel({ kind: "read-only", at: 0 }, 0)).toBe("Read-only: live connection unavailable");
    expect(statusLabel({ kind: "banned" }, 0)).toBe("Banned from this chat");
  });
});
