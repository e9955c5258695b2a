import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { chatMessages } from "./chat.schema.ts";

export interface MessageInContext {
  id: string;
  streamId: string;
  userId: string;
  text: string;
  createdAt: Date;
  deleted: boolean;
}

/**
 * A message and up to `around` messages of the same stream on each side of it, deleted ones
 * included (a reviewer sees what was said): the context a report is judged in.
 */
export async function listMessagesAround(
  db: DbOrTx,
  messageId: string,
  around = 5,
): Promise<{ message: MessageInContext; before: MessageInContext[]; after: MessageInContext[] } | null> {
  const columns = {
    id: chatMessages.id,
    streamId: chatMessages.streamId,
    userId: chatMessages.userId,
    text: chatMessages.message,
    createdAt: chatMessages.createdAt,
    deletedAt: chatMessages.deletedAt,
  };
  const [target] = await db.select(columns).from(chatMessages).where(eq(chatMessages.id, messageId));
  if (!target) return null;
  const at = sql`(${chatMessages.createdAt}, ${chatMessages.id})`;
  // Postgres keeps microseconds that a JS Date would drop: compare against the row itself.
  const pivot = sql`(select m.created_at, m.id from chat_message m where m.id = ${target.id}::uuid)`;
  const before = await db
    .select(columns)
    .from(chatMessages)
    .where(and(eq(chatMessages.streamId, target.streamId), sql`${at} < ${pivot}`))
    .orderBy(desc(chatMessages.createdAt), desc(chatMessages.id))
    .limit(around);
  const after = await db
    .select(columns)
    .from(chatMessages)
    .where(and(eq(chatMessages.streamId, target.streamId), sql`${at} > ${pivot}`))
    .orderBy(asc(chatMessages.createdAt), asc(chatMessages.id))
    .limit(around);
  const shape = (r: typeof target): MessageInContext => ({
    id: r.id,
    streamId: r.streamId,
    userId: r.userId,
    text: r.text,
    createdAt: r.createdAt,
    deleted: r.deletedAt !== null,
  });
  return { message: shape(target), before: before.reverse().map(shape), after: after.map(shape) };
}

/** The texts of many messages by id (a review queue labels its rows with them). */
export async function findChatMessageTexts(db: DbOrTx, messageIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(messageIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: chatMessages.id, text: chatMessages.message })
    .from(chatMessages)
    .where(inArray(chatMessages.id, ids));
  return new Map(rows.map((r) => [r.id, r.text]));
}
