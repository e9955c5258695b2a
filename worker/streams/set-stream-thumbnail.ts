import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { notFound } from "../platform/errors.ts";
import { streams } from "./streams.schema.ts";

/**
 * Points a stream at an uploaded thumbnail: its creator's own stream (any for an admin), not deleted.
 * The owner filter is in the update itself; 404 when nothing matched.
 */
export async function setStreamThumbnail(
  db: DbOrTx,
  input: { streamId: string; userId: string; isAdmin: boolean; url: string },
): Promise<void> {
  const conditions: SQL[] = [eq(streams.id, input.streamId), isNull(streams.deletedAt)];
  if (!input.isAdmin) conditions.push(eq(streams.creatorId, input.userId));
  const [row] = await db
    .update(streams)
    .set({ thumbnailUrl: input.url })
    .where(and(...conditions))
    .returning({ id: streams.id });
  if (!row) throw notFound("Stream");
}
