import type { ModerateChatInput, ModerationActionDto } from "../../contracts/chat.ts";
import type { RoleName } from "../../contracts/auth.ts";
import { recordModerationAction } from "../moderation/index.ts";
import type { Db } from "../platform/db/client.ts";
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

  return db.transaction(async (tx) => {
    const base = {
      reason: request.reason,
      actorId: actor.id,
      streamId: stream.id,
      ip: input.ip ?? null,
    };
    let effect: ChatEffect;
    let row;
    switch (request.action) {
      case "delete": {
        const messageId = request.messageId ?? "";
        row = await recordModerationAction(tx, {
          ...base,
          targetType: "MESSAGE",
          targetId: messageId,
          action: "DELETE",
          metadata: { authorId: messageAuthorId },
        });
        await hideChatMessages(tx, stream.id, { messageIds: [messageId] });
        effect = { kind: "delete", messageIds: [messageId] };
        break;
      }
      case "clear": {
        row = await recordModerationAction(tx, { ...base, targetType: "STREAM", targetId: stream.id, action: "CLEAR" });
        await hideChatMessages(tx, stream.id, { all: true });
        effect = { kind: "clear" };
        break;
      }
      case "ban": {
        const userId = targetUserId ?? "";
        row = await recordModerationAction(tx, {
          ...base,
          targetType: "USER",
          targetId: userId,
          action: "BAN",
          channelId: stream.creatorId,
          expiresAt,
        });
        // The object hides the ones it still holds; these are the ones already written.
        await hideChatMessages(tx, stream.id, { userId });
        effect = { kind: "ban", userId, until: expiresAt?.toISOString() ?? null, reason: request.reason };
        break;
      }
      case "mute": {
        const userId = targetUserId ?? "";
        row = await recordModerationAction(tx, {
          ...base,
          targetType: "USER",
          targetId: userId,
          action: "MUTE",
          channelId: stream.creatorId,
          expiresAt,
        });
        effect = { kind: "mute", userId, until: (expiresAt ?? now).toISOString() };
        break;
      }
      case "warn": {
        const userId = targetUserId ?? "";
        row = await recordModerationAction(tx, { ...base, targetType: "USER", targetId: userId, action: "WARN" });
        effect = { kind: "warn", userId, reason: request.reason };
        break;
      }
    }
    return {
      effect,
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
