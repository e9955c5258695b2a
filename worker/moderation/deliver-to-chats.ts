import { streamChatObject, type ChatEffect } from "../chat/index.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import type { Logger } from "../platform/logger.ts";
import { findCurrentStreams } from "../streams/index.ts";
import type { ModerationAction } from "./moderation.schema.ts";

/**
 * After a commit: the StreamChat objects concerned apply an effect (a ban closes the user's
 * sockets with 4003) or look at a user again (a lifted ban, a permanent mute). Postgres already
 * holds the truth, and the objects re-read it within seconds, so a failure here is logged only.
 */
export async function deliverToChats(
  env: Env,
  logger: Logger,
  delivery: { streamIds: readonly string[]; effect: ChatEffect | null; refreshUserId: string | null },
): Promise<void> {
  for (const streamId of new Set(delivery.streamIds)) {
    try {
      const chat = streamChatObject(env, streamId);
      if (delivery.effect) await chat.apply(delivery.effect);
      else if (delivery.refreshUserId) await chat.refreshUser(delivery.refreshUserId);
    } catch (error) {
      logger.warn("chat delivery failed", { error, streamId });
    }
  }
}

/** The chats a lifted action concerns: the stream it was taken in, and its channel's current streams. */
export async function chatsOfActions(db: DbOrTx, actions: readonly ModerationAction[]): Promise<string[]> {
  const ids = new Set(actions.flatMap((a) => (a.streamId ? [a.streamId] : [])));
  const channels = actions.flatMap((a) => (a.channelId ? [a.channelId] : []));
  for (const stream of (await findCurrentStreams(db, channels)).values()) ids.add(stream.id);
  return [...ids];
}
