import type { RoleName } from "../../contracts/auth.ts";
import type { ChatBadge, ChatGate, ChatModes } from "../../contracts/chat.ts";
import { creditsToMillis } from "../../contracts/money.ts";

/** Credit-only chat needs this balance (millicredits): 1 credit. */
export const MIN_CHAT_BALANCE = creditsToMillis(1);

/** Everything the gate decides from, read by the caller (Postgres) and rechecked every CHAT_GATE_RECHECK_MS. */
export interface GateFacts {
  role: RoleName;
  /** The stream's own creator. */
  isBroadcaster: boolean;
  emailVerified: boolean;
  /** Millicredits. */
  balance: bigint;
  /** `until: null` is permanent; a past `until` has expired and is ignored. */
  ban: { until: Date | null } | null;
  mute: { until: Date | null } | null;
  isFollower: boolean;
  streamEnded: boolean;
  modes: ChatModes;
}

/** Whether the user may send at all, and if not the one reason the page should show. */
export function evaluateGate(facts: GateFacts, now: number): ChatGate {
  if (facts.streamEnded) return { canSend: false, reason: "STREAM_ENDED" };
  const ban = activeUntil(facts.ban, now);
  if (ban) return { canSend: false, reason: "BANNED", ...ban };
  const mute = activeUntil(facts.mute, now);
  if (mute) return { canSend: false, reason: "MUTED", ...mute };
  if (!facts.emailVerified) return { canSend: false, reason: "EMAIL_UNVERIFIED" };
  // Staff keep the chat running: the modes meant for viewers don't apply to them.
  if (!canModerate(facts.role, facts.isBroadcaster)) {
    if (facts.modes.followersOnly && !facts.isFollower) return { canSend: false, reason: "FOLLOWERS_ONLY" };
    if (facts.modes.creditOnly && facts.balance < MIN_CHAT_BALANCE) return { canSend: false, reason: "NO_CREDIT" };
  }
  return { canSend: true };
}

/** In force at `now`: `{}` when permanent, `{ until }` when temporary, null when absent or expired. */
function activeUntil(restriction: { until: Date | null } | null, now: number): { until?: string } | null {
  if (!restriction) return null;
  if (restriction.until === null) return {};
  return restriction.until.getTime() > now ? { until: restriction.until.toISOString() } : null;
}

export function badgeFor(role: RoleName, isBroadcaster: boolean): ChatBadge {
  return isBroadcaster ? "BROADCASTER" : role;
}

/** The broadcaster moderates their own chat; moderators and admins moderate every chat. */
export function canModerate(role: RoleName, isBroadcaster: boolean): boolean {
  return isBroadcaster || role === "MODERATOR" || role === "ADMIN";
}
