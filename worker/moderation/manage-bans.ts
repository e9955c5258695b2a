import { and, desc, eq, gt, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { BanDto, BanList, ExtendBanInput } from "../../contracts/moderation.ts";
import { writeAuditLog } from "../platform/audit/write-audit-log.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { findUserContacts, getPublicProfiles } from "../users/index.ts";
import { moderationActions, type ModerationAction } from "./moderation.schema.ts";
import { extendedExpiry, isInForce } from "./restriction-rules.ts";

const inForce = (now: Date): SQL | undefined =>
  and(
    isNull(moderationActions.revokedAt),
    or(isNull(moderationActions.expiresAt), gt(moderationActions.expiresAt, now)),
  );

/** GET /api/moderation/bans: bans in force, newest first, with who is banned, by whom, where and until when. */
export async function listBans(
  db: DbOrTx,
  query: { scope: "channel" | "platform" | "all"; page: number; limit: number },
  now: Date = new Date(),
): Promise<BanList> {
  const where = and(
    eq(moderationActions.targetType, "USER"),
    eq(moderationActions.action, "BAN"),
    inForce(now),
    query.scope === "platform"
      ? isNull(moderationActions.channelId)
      : query.scope === "channel"
        ? isNotNull(moderationActions.channelId)
        : undefined,
  );
  const rows = await db
    .select({ action: moderationActions, total: sql<number>`(count(*) over ())::int` })
    .from(moderationActions)
    .where(where)
    .orderBy(desc(moderationActions.createdAt), desc(moderationActions.id))
    .limit(query.limit)
    .offset((query.page - 1) * query.limit);
  const actions = rows.map((r) => r.action);
  const contacts = await findUserContacts(db, [
    ...actions.map((a) => a.targetId),
    ...actions.map((a) => a.actorId),
    ...actions.flatMap((a) => (a.channelId ? [a.channelId] : [])),
  ]);
  return {
    items: actions.map((a): BanDto => {
      const user = contacts.get(a.targetId);
      return {
        actionId: a.id,
        userId: a.targetId,
        displayName: user?.displayName ?? null,
        email: user?.email ?? null,
        reason: a.reason,
        actorId: a.actorId,
        actorName: contacts.get(a.actorId)?.displayName ?? null,
        scope: a.channelId ? "channel" : "platform",
        channelId: a.channelId,
        channelName: a.channelId ? (contacts.get(a.channelId)?.displayName ?? null) : null,
        expiresAt: a.expiresAt?.toISOString() ?? null,
        permanent: a.expiresAt === null,
        createdAt: a.createdAt.toISOString(),
      };
    }),
    page: query.page,
    limit: query.limit,
    total: rows[0]?.total ?? 0,
  };
}

/** PATCH /api/moderation/bans/:actionId: a new end for a ban in force (audited). */
export async function extendBan(
  db: DbOrTx,
  input: { actionId: string; change: ExtendBanInput; actorId: string; ip?: string | null },
  now: Date = new Date(),
): Promise<ModerationAction> {
  const [action] = await db.select().from(moderationActions).where(eq(moderationActions.id, input.actionId));
  if (!action || action.action !== "BAN") throw notFound("Ban");
  if (!isInForce(action, now)) throw new AppError("BAN_NOT_ACTIVE", 409, "This ban has already ended or been lifted");
  const expiresAt = extendedExpiry(
    action.expiresAt,
    {
      ...(input.change.expiresAt ? { expiresAt: new Date(input.change.expiresAt) } : {}),
      ...(input.change.extendBySeconds ? { extendBySeconds: input.change.extendBySeconds } : {}),
    },
    now,
  );
  if (expiresAt !== null && expiresAt <= now) {
    throw new AppError("VALIDATION_FAILED", 400, "The new end must be in the future");
  }
  const [row] = await db
    .update(moderationActions)
    .set({ expiresAt })
    .where(and(eq(moderationActions.id, action.id), isNull(moderationActions.revokedAt)))
    .returning();
  if (!row) throw new AppError("BAN_NOT_ACTIVE", 409, "This ban has already been lifted");
  await writeAuditLog(db, {
    actorId: input.actorId,
    action: "moderation.ban_extended",
    targetType: "USER",
    targetId: action.targetId,
    metadata: {
      moderationActionId: action.id,
      from: action.expiresAt?.toISOString() ?? null,
      to: expiresAt?.toISOString() ?? null,
    },
    ip: input.ip ?? null,
  });
  return row;
}

/**
 * Lifts actions in force early (revoked_at, revoked_by_id) and audits each; an action is never
 * deleted. Returns the ones lifted now (an already lifted or expired one is left as it is).
 */
export async function revokeActions(
  db: DbOrTx,
  input: { actionIds: readonly string[]; actorId: string; reason: string | null; ip?: string | null },
  now: Date = new Date(),
): Promise<ModerationAction[]> {
  if (input.actionIds.length === 0) return [];
  const lifted = await db
    .update(moderationActions)
    .set({ revokedAt: now, revokedById: input.actorId })
    .where(and(inArray(moderationActions.id, [...input.actionIds]), inForce(now)))
    .returning();
  for (const action of lifted) {
    await writeAuditLog(db, {
      actorId: input.actorId,
      action: `moderation.${action.action.toLowerCase()}_lifted`,
      targetType: action.targetType,
      targetId: action.targetId,
      metadata: { moderationActionId: action.id, reason: input.reason, channelId: action.channelId },
      ip: input.ip ?? null,
    });
  }
  return lifted;
}

/** DELETE /api/moderation/bans/:userId: every ban in force on the user, lifted. */
export async function liftBans(
  db: DbOrTx,
  input: { userId: string; actorId: string; reason: string | null; ip?: string | null },
  now: Date = new Date(),
): Promise<ModerationAction[]> {
  const profile = (await getPublicProfiles(db, [input.userId])).get(input.userId);
  if (!profile) throw notFound("User");
  const active = await db
    .select({ id: moderationActions.id })
    .from(moderationActions)
    .where(
      and(
        eq(moderationActions.targetType, "USER"),
        eq(moderationActions.targetId, input.userId),
        eq(moderationActions.action, "BAN"),
        inForce(now),
      ),
    );
  return revokeActions(db, { ...input, actionIds: active.map((a) => a.id) }, now);
}
