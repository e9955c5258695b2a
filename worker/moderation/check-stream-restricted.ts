import type { DbOrTx } from "../platform/db/client.ts";
import { AppError } from "../platform/errors.ts";
import { checkUserBanned, type Restriction } from "./user-restrictions.ts";

export type StreamRestriction = { reason: "REMOVED" } | { reason: "ENDED" } | { reason: "BANNED"; ban: Restriction };

/**
 * Whether a user may act on a stream or its chat: not when it was taken down or has ended, nor
 * when they are banned in its creator's channel (or on the whole platform). Null: nothing stands
 * in the way. Every API that lets a user act on a stream asks this; each decides what an ENDED
 * stream still allows (reading its chat, say).
 */
export async function checkStreamRestricted(
  db: DbOrTx,
  input: { stream: { creatorId: string; status: string }; userId: string },
): Promise<StreamRestriction | null> {
  if (input.stream.status === "REMOVED") return { reason: "REMOVED" };
  const ban = await checkUserBanned(db, input.userId, { channelId: input.stream.creatorId });
  if (ban) return { reason: "BANNED", ban };
  if (input.stream.status === "ENDED") return { reason: "ENDED" };
  return null;
}

/** The API's answer to a restriction. */
export function streamRestrictedError(restriction: StreamRestriction): AppError {
  switch (restriction.reason) {
    case "REMOVED":
      return new AppError("STREAM_REMOVED", 410, "This stream was removed by moderators");
    case "ENDED":
      return new AppError("STREAM_NOT_LIVE", 409, "This stream has ended");
    case "BANNED":
      return new AppError(
        "USER_BANNED",
        403,
        restriction.ban.until
          ? `You are banned from this channel until ${restriction.ban.until.toISOString()}`
          : "You are banned from this channel",
        { until: restriction.ban.until?.toISOString() ?? null, reason: restriction.ban.reason },
      );
  }
}
