import type { ModerateChatInput, ModerationActionDto } from "../../contracts/chat.ts";
import type { RoleName } from "../../contracts/auth.ts";
import { recordModerationAction, type ModerationAction } from "../moderation/index.ts";
import type { Db, DbOrTx } from "../platform/db/client.ts";
import { AppError, forbidden, notFound } from "../platform/errors.ts";
import { getPublicProfiles } from "../users/index.ts";
import type { ChatEffect } from "./chat-effects.ts";
import { canModerate } from "./chat-gate.ts";
import { findChatMessage, hideChatMessages } from "./chat-messages.ts";

export interface ModerateChatDeps {
  /** Writes the object's pending messages to Postgres, so a message sent a moment ago can be found. */
  flushPending: () => Promise<void>;
  now?: Date;
}

export interface ModerateChatResult {
  action: ModerationActionDto;
  effect: ChatEffect;
}

const STAFF: readonly RoleName[] = ["ADMIN", "MODERATOR"];

/**
 * One moderation step on a user or a chat, whoever takes it (the chat's moderator menu, a
 * report's review). `channelId` null on a ban or mute means the whole platform.
 */
export type ModerationStep =
  | { kind: "delete"; streamId: string; messageId: string; authorId: string | null }
  | { kind: "clear"; streamId: string }
  | { kind: "ban"; userId: string; channelId: string | null; streamId: string | null; expiresAt: Date | null }
  | { kind: "mute"; userId: string; channelId: string | null; streamId: string | null; expiresAt: Date | null }
  | { kind: "warn"; userId: string; streamId: string | null };

export interface AppliedModeration {
  row: ModerationAction;
  /**
   * What the stream's StreamChat object must apply (the caller hands it over after the commit);
   * null when the object only has to look at the user again (`refreshUser`): a permanent mute.
   */
  effect: ChatEffect | null;
}

/**
 * Records the step (ModerationAction + AuditLog) and hides the messages it hides, in the
 * caller's transaction. The one path every moderation of a user or a chat goes through.
 */
export async function applyModeration(
  tx: DbOrTx,
  step: ModerationStep,
  context: { reason: string; actorId: string; ip?: string | null; metadata?: Record<string, unknown> },
): Promise<AppliedModeration> {
  const base = { reason: context.reason, actorId: context.actorId, ip: context.ip ?? null };
  const metadata = context.metadata ?? {};
  switch (step.kind) {
    case "delete": {
      const row = await recordModerationAction(tx, {
        ...base,
        streamId: step.streamId,
        targetType: "MESSAGE",
        targetId: step.messageId,
        action: "DELETE",
        subjectUserId: step.authorId,
        metadata: { ...metadata, authorId: step.authorId },
      });
      await hideChatMessages(tx, step.streamId, { messageIds: [step.messageId] });
      return { row, effect: { kind: "delete", messageIds: [step.messageId] } };
    }
    case "clear": {
      const row = await recordModerationAction(tx, {
        ...base,
        streamId: step.streamId,
        targetType: "STREAM",
        targetId: step.streamId,
        action: "CLEAR",
        metadata,
      });
      await hideChatMessages(tx, step.streamId, { all: true });
      return { row, effect: { kind: "clear" } };
    }
    case "ban": {
      const row = await recordModerationAction(tx, {
        ...base,
        streamId: step.streamId,
        targetType: "USER",
        targetId: step.userId,
        action: "BAN",
        channelId: step.channelId,
        expiresAt: step.expiresAt,
        metadata,
      });
      // The object hides the ones it still holds; these are the ones already written.
      if (step.streamId) await hideChatMessages(tx, step.streamId, { userId: step.userId });
      return {
        row,
        effect: {
          kind: "ban",
          userId: step.userId,
          until: step.expiresAt?.toISOString() ?? null,
          reason: context.reason,
        },
      };
    }
    case "mute": {
      const row = await recordModerationAction(tx, {
        ...base,
        streamId: step.streamId,
        targetType: "USER",
        targetId: step.userId,
        action: "MUTE",
        channelId: step.channelId,
        expiresAt: step.expiresAt,
        metadata,
      });
      const effect: ChatEffect | null = step.expiresAt
        ? { kind: "mute", userId: step.userId, until: step.expiresAt.toISOString() }
        : null;
      return { row, effect };
    }
    case "warn": {
      const row = await recordModerationAction(tx, {
        ...base,
        streamId: step.streamId,
        targetType: "USER",
        targetId: step.userId,
        action: "WARN",
        metadata,
      });
      return { row, effect: { kind: "warn", userId: step.userId, reason: context.reason } };
    }
  }
}

/**
 * A moderator's action in a stream's chat, recorded (ModerationAction + AuditLog, and the
 * messages it hides) in one transaction; the caller hands the returned effect to the object.
 * Bans and mutes apply to the creator's channel: every stream of theirs.
 */
export async function moderateChat(
  db: Db,
  input: {
    stream: { id: string; creatorId: string };
    actor: { id: string; role: RoleName };
    request: ModerateChatInput;
    ip?: string | null;
  },
  deps: ModerateChatDeps,
): Promise<ModerateChatResult> {
  const { stream, actor, request } = input;
  const now = deps.now ?? new Date();
  if (!canModerate(actor.role, actor.id === stream.creatorId)) {
    throw forbidden("Only the stream's creator, moderators and admins moderate this chat");
  }

  let targetUserId = request.targetUserId ?? null;
  let messageAuthorId: string | null = null;
  if (request.action === "delete" && request.messageId) {
    let message = await findChatMessage(db, request.messageId);
    if (!message) {
      await deps.flushPending();
      message = await findChatMessage(db, request.messageId);
    }
    if (!message || message.streamId !== stream.id) throw notFound("Message");
    messageAuthorId = message.userId;
  }
  if (request.action === "delete" || request.action === "clear") targetUserId = null;

  let targetName: string | null = null;
  if (targetUserId) {
    if (targetUserId === actor.id) throw new AppError("CANNOT_MODERATE_SELF", 400, "You cannot moderate yourself");
    const target = (await getPublicProfiles(db, [targetUserId])).get(targetUserId);
    if (!target) throw notFound("User");
    if (targetUserId === stream.creatorId || (STAFF.includes(target.role) && actor.role !== "ADMIN")) {
      throw new AppError("CANNOT_MODERATE_STAFF", 403, "The broadcaster and staff cannot be moderated from the chat");
    }
    targetName = target.displayName;
  }

  const expiresAt =
    (request.action === "mute" || request.action === "ban") && request.duration
      ? new Date(now.getTime() + request.duration * 1000)
      : null;

  const userId = targetUserId ?? "";
  const step: ModerationStep =
    request.action === "delete"
      ? { kind: "delete", streamId: stream.id, messageId: request.messageId ?? "", authorId: messageAuthorId }
      : request.action === "clear"
        ? { kind: "clear", streamId: stream.id }
        : request.action === "warn"
          ? { kind: "warn", userId, streamId: stream.id }
          : { kind: request.action, userId, channelId: stream.creatorId, streamId: stream.id, expiresAt };

  return db.transaction(async (tx) => {
    const { row, effect } = await applyModeration(tx, step, {
      reason: request.reason,
      actorId: actor.id,
      ip: input.ip ?? null,
    });
    return {
      // The chat's mute always has a duration, so there is always an effect to hand over.
      effect: effect ?? { kind: "mute", userId, until: (expiresAt ?? now).toISOString() },
      action: {
        id: row.id,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        targetName,
        reason: row.reason,
        actorId: row.actorId,
        actorName: null,
        expiresAt: row.expiresAt?.toISOString() ?? null,
        createdAt: row.createdAt.toISOString(),
      },
    };
  });
}
