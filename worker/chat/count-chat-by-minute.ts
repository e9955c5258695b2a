import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { chatMessages } from "./chat.schema.ts";

/**
 * Messages sent in one stream's chat per UTC minute ("2026-12-02T05:51:00Z") that had any,
 * oldest first (by chat_message_stream_created_idx). Deleted messages are left out: the report
 * shows what the audience saw.
 */
export async function countChatByMinute(db: DbOrTx, streamId: string): Promise<{ minute: string; messages: number }[]> {
  // Formatted in SQL so both drivers return the same string, whatever they do with timestamps.
  const minute = sql<string>`to_char(date_trunc('minute', ${chatMessages.createdAt} at time zone 'UTC'), 'YYYY-MM-DD"T"HH24:MI:00"Z"')`;
  return db
    .select({ minute, messages: count() })
    .from(chatMessages)
    .where(and(eq(chatMessages.streamId, streamId), isNull(chatMessages.deletedAt)))
    .groupBy(minute)
    .orderBy(asc(minute));
}
