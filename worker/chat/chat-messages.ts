import { and, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { ChatMessageDto } from "../../contracts/chat.ts";
import { decodeTimeIdCursor, encodeTimeIdCursor } from "../platform/cursor.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { getPublicProfiles } from "../users/index.ts";
import { badgeFor } from "./chat-gate.ts";
import { chatMessages } from "./chat.schema.ts";

/** A message the StreamChat object accepted, as it writes it behind to Postgres. */
export interface ChatMessageRecord {
  id: string;
  streamId: string;
  userId: string;
  text: string;
  createdAt: Date;
  deleted: boolean;
}

/**
 * Write-behind from the object: idempotent on the message id, and a deletion the object learned
 * after an earlier flush still reaches the row (deleted_at is only ever set, never cleared).
 */
export async function saveChatMessages(db: DbOrTx, records: readonly ChatMessageRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db
    .insert(chatMessages)
    .values(
      records.map((r) => ({
        id: r.id,
        streamId: r.streamId,
        userId: r.userId,
        message: r.text,
        createdAt: r.createdAt,
        deletedAt: r.deleted ? new Date() : null,
      })),
    )
    .onConflictDoUpdate({
      target: chatMessages.id,
      set: { deletedAt: sql`coalesce(${chatMessages.deletedAt}, excluded.deleted_at)` },
    });
}

/** Hides messages of a stream: some by id, all of one user's, or all. Returns the ids hidden now. */
export async function hideChatMessages(
  db: DbOrTx,
  streamId: string,
  which: { messageIds: readonly string[] } | { userId: string } | { all: true },
): Promise<string[]> {
  const where: SQL[] = [eq(chatMessages.streamId, streamId), isNull(chatMessages.deletedAt)];
  if ("messageIds" in which) {
    if (which.messageIds.length === 0) return [];
    where.push(inArray(chatMessages.id, [...which.messageIds]));
  } else if ("userId" in which) {
    where.push(eq(chatMessages.userId, which.userId));
  }
  const rows = await db
    .update(chatMessages)
    .set({ deletedAt: new Date() })
    .where(and(...where))
    .returning({ id: chatMessages.id });
  return rows.map((r) => r.id);
}

export async function findChatMessage(db: DbOrTx, messageId: string) {
  const [row] = await db
    .select({ id: chatMessages.id, streamId: chatMessages.streamId, userId: chatMessages.userId })
    .from(chatMessages)
    .where(eq(chatMessages.id, messageId));
  return row ?? null;
}

/**
 * A page of a stream's visible messages: the newest `limit` before the cursor, returned oldest
 * first (the order a chat shows them); nextCursor pages further back.
 */
export async function listChatMessages(
  db: DbOrTx,
  input: { streamId: string; creatorId: string; cursor?: string | undefined; limit: number },
): Promise<{ messages: ChatMessageDto[]; nextCursor: string | null }> {
  const where: (SQL | undefined)[] = [eq(chatMessages.streamId, input.streamId), isNull(chatMessages.deletedAt)];
  if (input.cursor) {
    const c = decodeTimeIdCursor(input.cursor);
    where.push(
      sql`(${chatMessages.createdAt} < ${c.t}::timestamptz or (${chatMessages.createdAt} = ${c.t}::timestamptz and ${chatMessages.id} < ${c.id}::uuid))`,
    );
  }
  const rows = await db
    .select({
      id: chatMessages.id,
      userId: chatMessages.userId,
      text: chatMessages.message,
      createdAt: chatMessages.createdAt,
      at: sql<string>`${chatMessages.createdAt}::text`,
    })
    .from(chatMessages)
    .where(and(...where))
    .orderBy(desc(chatMessages.createdAt), desc(chatMessages.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const profiles = await getPublicProfiles(
    db,
    page.map((r) => r.userId),
  );
  const oldest = page[page.length - 1];
  return {
    messages: page.reverse().map((r) => {
      const p = profiles.get(r.userId);
      return {
        id: r.id,
        streamId: input.streamId,
        userId: r.userId,
        displayName: p?.displayName ?? "Former user",
        avatarUrl: p?.avatarUrl ?? null,
        badge: badgeFor(p?.role ?? "VIEWER", r.userId === input.creatorId),
        text: r.text,
        createdAt: r.createdAt.toISOString(),
      };
    }),
    nextCursor: rows.length > input.limit && oldest ? encodeTimeIdCursor(oldest) : null,
  };
}
