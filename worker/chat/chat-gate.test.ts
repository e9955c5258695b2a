import { describe, expect, it } from "vitest";
import type { RoleName } from "../../contracts/auth.ts";
import type { ChatGate } from "../../contracts/chat.ts";
import { badgeFor, canModerate, evaluateGate, MIN_CHAT_BALANCE, type GateFacts } from "./chat-gate.ts";

const NOW = Date.parse("2026-12-02T12:00:00.000Z");
const at = (offsetMs: number) => new Date(NOW + offsetMs);
const base: GateFacts = {
  role: "VIEWER",
  isBroadcaster: false,
  emailVerified: true,
  balance: 5000n,
  ban: null,
  mute: null,
  isFollower: false,
  streamEnded: false,
  modes: { slowModeSeconds: 0, followersOnly: false, creditOnly: true },
};
const followersOnly = { ...base.modes, followersOnly: true };
const open = { ...base.modes, creditOnly: false };

const cases: [string, Partial<GateFacts>, ChatGate][] = [
  ["a verified viewer with credit", {}, { canSend: true }],
  ["the stream has ended", { streamEnded: true, ban: { until: null } }, { canSend: false, reason: "STREAM_ENDED" }],
  ["a permanent ban", { ban: { until: null }, mute: { until: null } }, { canSend: false, reason: "BANNED" }],
  [
    "a temporary ban, with its end",
    { ban: { until: at(60_000) } },
    { canSend: false, reason: "BANNED", until: "2026-12-02T12:01:00.000Z" },
  ],
  ["a ban ending exactly now has expired", { ban: { until: at(0) } }, { canSend: true }],
  [
    "a ban ending 1 ms from now still holds",
    { ban: { until: at(1) } },
    { canSend: false, reason: "BANNED", until: "2026-12-02T12:00:00.001Z" },
  ],
  [
    "an expired ban, then a permanent mute",
    { ban: { until: at(-1) }, mute: { until: null } },
    { canSend: false, reason: "MUTED" },
  ],
  [
    "a temporary mute, with its end",
    { mute: { until: at(600_000) }, emailVerified: false },
    { canSend: false, reason: "MUTED", until: "2026-12-02T12:10:00.000Z" },
  ],
  ["a mute ending exactly now has expired", { mute: { until: at(0) } }, { canSend: true }],
  ["an unverified email", { emailVerified: false, balance: 0n }, { canSend: false, reason: "EMAIL_UNVERIFIED" }],
  [
    "followers only, not a follower",
    { modes: followersOnly, balance: 0n },
    { canSend: false, reason: "FOLLOWERS_ONLY" },
  ],
  ["followers only, a follower", { modes: followersOnly, isFollower: true }, { canSend: true }],
  ["credit only, 0.999 credits", { balance: 999n }, { canSend: false, reason: "NO_CREDIT" }],
  ["credit only, exactly 1 credit", { balance: 1000n }, { canSend: true }],
  ["chat open to everyone signed in, no credit", { modes: open, balance: 0n }, { canSend: true }],
  [
    "a creator in another's chat meets the viewer rules",
    { role: "CREATOR", balance: 0n },
    { canSend: false, reason: "NO_CREDIT" },
  ],
  [
    "the broadcaster skips followers-only and credit-only",
    { isBroadcaster: true, role: "CREATOR", modes: followersOnly, balance: 0n },
    { canSend: true },
  ],
  ["a moderator skips them too", { role: "MODERATOR", modes: followersOnly, balance: 0n }, { canSend: true }],
  ["an admin skips them too", { role: "ADMIN", modes: followersOnly, balance: 0n }, { canSend: true }],
  ["staff can still be muted", { role: "MODERATOR", mute: { until: null } }, { canSend: false, reason: "MUTED" }],
  [
    "staff still need a verified email",
    { role: "ADMIN", emailVerified: false },
    { canSend: false, reason: "EMAIL_UNVERIFIED" },
  ],
];

describe("evaluateGate", () => {
  it.each(cases)("%s", (_name, facts, expected) => {
    expect(evaluateGate({ ...base, ...facts }, NOW)).toEqual(expected);
  });

  it("needs 1 credit in millicredits for credit-only chat", () => {
    expect(MIN_CHAT_BALANCE).toBe(1000n);
  });
});

describe("badgeFor and canModerate", () => {
  const rows: [RoleName, boolean, string, boolean][] = [
    ["VIEWER", false, "VIEWER", false],
    ["CREATOR", false, "CREATOR", false],
    ["MODERATOR", false, "MODERATOR", true],
    ["ADMIN", false, "ADMIN", true],
    ["CREATOR", true, "BROADCASTER", true],
    ["ADMIN", true, "BROADCASTER", true],
  ];
  it.each(rows)("%s (broadcaster: %s) → %s, moderates: %s", (role, isBroadcaster, badge, moderates) => {
    expect(badgeFor(role, isBroadcaster)).toBe(badge);
    expect(canModerate(role, isBroadcaster)).toBe(moderates);
  });
});
