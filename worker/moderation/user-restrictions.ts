import { and, eq, gt, inArray, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { moderationActions } from "./moderation.schema.ts";
import { isInForce } from "./restriction-rules.ts";

export interface Restriction {
  actionId: string;
  /** Null for a permanent ban. */
  until: Date | null;
  reason: string | null;
  /** The creator whose channel it applies to; null when it applies on the whole platform. */
  channelId: string | null;
}

export interface UserRestrictions {
  ban: Restriction | null;
  mute: Restriction | null;
}

/** The later of two restrictions: a permanent one outlasts every temporary one. */
function outlasting(a: Restriction | null, b: Restriction): Restriction {
  if (!a) return b;
  if (a.until === null) return a;
  if (b.until === null) return b;
  return b.until > a.until ? b : a;
}

/**
 * The bans and mutes in force for a user in a creator's channel (platform-wide ones included).
 * Expiry is read against `expires_at` here, so nothing has to run for a restriction to end.
 */
export async function activeRestrictions(
  db: DbOrTx,
  userId: string,
  options: { channelId?: string | null; now?: Date } = {},
): Promise<UserRestrictions> {
  return (await activeRestrictionsOf(db, [userId], options)).get(userId) ?? { ban: null, mute: null };
}

/** The same for many users in one query (a chat checking a crowd of senders at once). */
export async function activeRestrictionsOf(
  db: DbOrTx,
  userIds: readonly string[],
  options: { channelId?: string | null; now?: Date } = {},
): Promise<Map<string, UserRestrictions>> {
  const result = new Map<string, UserRestrictions>(userIds.map((id) => [id, { ban: null, mute: null }]));
  if (userIds.length === 0) return result;
  const now = options.now ?? new Date();
  const channel = options.channelId
    ? or(isNull(moderationActions.channelId), eq(moderationActions.channelId, options.channelId))
    : isNull(moderationActions.channelId);
  const rows = await db
    .select({
      id: moderationActions.id,
      targetId: moderationActions.targetId,
      action: moderationActions.action,
      expiresAt: moderationActions.expiresAt,
      revokedAt: moderationActions.revokedAt,
      reason: moderationActions.reason,
      channelId: moderationActions.channelId,
    })
    .from(moderationActions)
    .where(
      and(
        eq(moderationActions.targetType, "USER"),
        inArray(moderationActions.targetId, [...userIds]),
        inArray(moderationActions.action, ["BAN", "MUTE"]),
        isNull(moderationActions.revokedAt),
        or(isNull(moderationActions.expiresAt), gt(moderationActions.expiresAt, now)),
        channel,
      ),
    );
  for (const row of rows) {
    const current = result.get(row.targetId);
    if (!current || !isInForce(row, now)) continue;
    const r: Restriction = { actionId: row.id, until: row.expiresAt, reason: row.reason, channelId: row.channelId };
    if (row.action === "BAN") current.ban = outlasting(current.ban, r);
    else current.mute = outlasting(current.mute, r);
  }
  return result;
}

/** Shared by every API that lets a user act on a stream or its chat. */
export async function checkUserBanned(
  db: DbOrTx,
  userId: string,
  options: { channelId?: string | null } = {},
): Promise<Restriction | null> {
  return (await activeRestrictions(db, userId, options)).ban;
}

export async function checkUserMuted(
  db: DbOrTx,
  userId: string,
  options: { channelId?: string | null } = {},
): Promise<Restriction | null> {
  return (await activeRestrictions(db, userId, options)).mute;
}
