import type { SessionEndReason } from "@contracts/metering.ts";
import { LOW_BALANCE_MILLIS, tryParseCredits } from "@contracts/money.ts";

export interface SessionEndNotice {
  title: string;
  message: string;
  /** Whether offering a new session makes sense (not for a stream that has ended). */
  canRestart: boolean;
}

/** Why a viewing stopped, in words, for the reasons the server gives (null: it did not say). */
export function sessionEndNotice(
  reason: SessionEndReason | null,
  options: { wasHidden?: boolean } = {},
): SessionEndNotice {
  switch (reason) {
    case "stream_ended":
      return { title: "The stream has ended", message: "Thanks for watching.", canRestart: false };
    case "stream_removed":
      return {
        title: "This stream was removed",
        message: "A moderator took this stream down. You are not charged for anything after that.",
        canRestart: false,
      };
    case "exhausted":
      return {
        title: "Your credits ran out",
        message: "Top up to keep watching; you were only charged for what you watched.",
        canRestart: true,
      };
    case "replaced":
      return {
        title: "Watching somewhere else",
        message: "You started watching this stream in another tab or on another device, so this one stopped.",
        canRestart: true,
      };
    case "ticks_stopped":
      return options.wasHidden
        ? {
            title: "Paused while you were away",
            message: "Billing stops while this tab is in the background, so your session was closed.",
            canRestart: true,
          }
        : {
            title: "Your session was closed",
            message: "Tollgate could not confirm your viewing time for a while (a connection problem?).",
            canRestart: true,
          };
    case "removed":
      return {
        title: "You were removed from the stream",
        message: "The creator or a moderator removed you from this stream.",
        canRestart: false,
      };
    case "viewer_left":
      return { title: "You left the stream", message: "Your session has ended.", canRestart: true };
    case null:
      return {
        title: "Your viewing session ended",
        message: "The server closed your session. You have not been charged since.",
        canRestart: true,
      };
  }
}

export function isLowBalance(credits: string | null): boolean {
  if (credits === null) return false;
  const millis = tryParseCredits(credits);
  return millis !== null && millis < LOW_BALANCE_MILLIS;
}

/** Credits one interval costs at a rate per minute, exact ("6.000", 10 s → 1000n millicredits). */
export function intervalCostMillis(ratePerMinute: string, intervalMs: number): bigint | null {
  const rate = tryParseCredits(ratePerMinute);
  if (rate === null || !Number.isSafeInteger(intervalMs)) return null;
  return (rate * BigInt(intervalMs)) / 60_000n;
}
