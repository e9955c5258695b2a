import type { ChatBadge, ChatGate, ChatModes, ChatRejectCode } from "@contracts/chat.ts";
import type { ConnectionStatus } from "./chat-connection.ts";
import { secondsUntil } from "./chat-input-rules.ts";

/** The badge beside a name; viewers get none. */
export const BADGE_LABELS: Record<ChatBadge, string | null> = {
  BROADCASTER: "Streamer",
  ADMIN: "Admin",
  MODERATOR: "Mod",
  CREATOR: "Creator",
  VIEWER: null,
};

/** Why one message was refused, for its sender (the server's own message is shown when it has one). */
export const REJECT_LABELS: Record<ChatRejectCode, string> = {
  NO_CREDIT: "Chat needs credits.",
  BANNED: "You are banned from this chat.",
  MUTED: "You are muted.",
  FOLLOWERS_ONLY: "Only followers can chat.",
  EMAIL_UNVERIFIED: "Confirm your email address to chat.",
  STREAM_ENDED: "The stream has ended.",
  RATE_LIMITED: "You are sending too fast.",
  SLOW_MODE: "Slow mode is on.",
  EMPTY: "Write something first.",
  TOO_LONG: "The message is too long.",
  PROFANITY: "The message contains blocked language.",
  BLOCKED_WORD: "The message contains a blocked word.",
  LINK_BLOCKED: "Links are not allowed in this chat.",
  SPAM: "The message looks like spam.",
  UNAVAILABLE: "Chat is busy. Send it again in a moment.",
};

/** The modes that are on, for the line above the messages ("Slow mode: 30 s · Followers only"). */
export function modesSummary(modes: ChatModes | null): string[] {
  if (!modes) return [];
  const on: string[] = [];
  if (modes.slowModeSeconds > 0) on.push(`Slow mode: ${modes.slowModeSeconds} s`);
  if (modes.followersOnly) on.push("Followers only");
  if (modes.creditOnly) on.push("Credit only");
  return on;
}

/** "until 14:05" for a temporary mute or ban, "" when permanent. */
export function untilLabel(until: string | undefined, locale?: string): string {
  if (!until) return "";
  const date = new Date(until);
  if (Number.isNaN(date.getTime())) return "";
  const sameDay = date.toDateString() === new Date().toDateString();
  const time = date.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" });
  return sameDay ? `until ${time}` : `until ${date.toLocaleDateString(locale)} ${time}`;
}

export interface GatePrompt {
  title: string;
  message: string;
}

/** What the gate prompt says when the user cannot send. */
export function gatePrompt(gate: ChatGate): GatePrompt | null {
  if (gate.canSend) return null;
  const until = untilLabel(gate.until);
  switch (gate.reason) {
    case "NO_CREDIT":
      return { title: "Chat needs credits", message: "Top up your credits to join the conversation." };
    case "BANNED":
      return {
        title: "You are banned from this chat",
        message: until ? `You can chat again ${until}.` : "A moderator banned you from this chat.",
      };
    case "MUTED":
      return { title: "You are muted", message: until ? `You can chat again ${until}.` : "A moderator muted you." };
    case "FOLLOWERS_ONLY":
      return { title: "Followers only", message: "Follow the creator to chat." };
    case "EMAIL_UNVERIFIED":
      return {
        title: "Confirm your email",
        message: "Confirm your email address to chat. Check your inbox for the link.",
      };
    case "STREAM_ENDED":
      return { title: "The stream has ended", message: "Chat is read-only now." };
    default:
      return { title: "Chat is closed", message: "You cannot send messages right now." };
  }
}

/** "1 min", "10 min", "1 h", "24 h", for the mute and ban pickers. */
export function durationLabel(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** Two letters for an avatar without a picture. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = (word: string | undefined) => [...(word ?? "")][0] ?? "";
  const letters = words.length > 1 ? first(words[0]) + first(words[1]) : [...(words[0] ?? "")].slice(0, 2).join("");
  return letters.toUpperCase() || "?";
}

/** "Live", "Reconnecting in 4 s", "Read-only: live connection unavailable"… */
export function statusLabel(status: ConnectionStatus, now: number): string {
  switch (status.kind) {
    case "connecting":
      return "Connecting…";
    case "live":
      return "Live";
    case "reconnecting": {
      const seconds = secondsUntil(status.at, now);
      return seconds > 0 ? `Reconnecting in ${seconds} s` : "Reconnecting…";
    }
    case "read-only":
      return "Read-only: live connection unavailable";
    case "banned":
      return "Banned from this chat";
    case "ended":
      return "Chat closed: the stream has ended";
    case "stopped":
      return "Disconnected";
  }
}
