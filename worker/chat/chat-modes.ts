import { eq } from "drizzle-orm";
import { DEFAULT_CHAT_MODES, type ChatModes } from "../../contracts/chat.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { chatModes } from "./chat.schema.ts";

/** The creator's modes for a stream's chat; the defaults until they change one. */
export async function getChatModes(db: DbOrTx, streamId: string): Promise<ChatModes> {
  const [row] = await db
    .select({
      slowModeSeconds: chatModes.slowModeSeconds,
      followersOnly: chatModes.followersOnly,
      creditOnly: chatModes.creditOnly,
    })
    .from(chatModes)
    .where(eq(chatModes.streamId, streamId));
  return row ?? DEFAULT_CHAT_MODES;
}

export async function updateChatModes(db: DbOrTx, streamId: string, patch: Partial<ChatModes>): Promise<ChatModes> {
  const [row] = await db
    .insert(chatModes)
    .values({ streamId, ...DEFAULT_CHAT_MODES, ...patch })
    .onConflictDoUpdate({ target: chatModes.streamId, set: { ...patch, updatedAt: new Date() } })
    .returning({
      slowModeSeconds: chatModes.slowModeSeconds,
      followersOnly: chatModes.followersOnly,
      creditOnly: chatModes.creditOnly,
    });
  if (!row) throw new Error("chat_mode upsert returned no row");
  return row;
}
