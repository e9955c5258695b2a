import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { follows } from "./follows.schema.ts";

/** Whether `userId` follows `creatorId` (followers-only chat, the follow button). */
export async function isFollowing(db: DbOrTx, userId: string, creatorId: string): Promise<boolean> {
  const rows = await db
    .select({ id: follows.id })
    .from(follows)
    .where(and(eq(follows.userId, userId), eq(follows.creatorId, creatorId)))
    .limit(1);
  return rows.length > 0;
}
