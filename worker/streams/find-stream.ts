import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { type Stream, streams } from "./streams.schema.ts";

export async function findStream(db: DbOrTx, streamId: string): Promise<Stream | undefined> {
  const [row] = await db.select().from(streams).where(eq(streams.id, streamId));
  return row;
}

/** The stream if the actor owns it (or is an admin when allowed); 404 if absent or deleted, 403 for others' streams. */
export async function findOwnStream(
  db: DbOrTx,
  input: { streamId: string; userId: string; isAdmin?: boolean },
): Promise<Stream> {
  const row = await findStream(db, input.streamId);
  // A deleted stream can no longer be edited, ended, published or deleted again.
  if (!row || row.deletedAt) throw notFound("Stream");
  if (row.creatorId !== input.userId && !input.isAdmin) {
    throw new AppError("FORBIDDEN", 403, "Only the stream's creator can do this");
  }
  return row;
}

/** Titles of many streams in one query, by id (reports and lists that name streams). */
export async function findStreamTitles(db: DbOrTx, streamIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(streamIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: streams.id, title: streams.title }).from(streams).where(inArray(streams.id, ids));
  return new Map(rows.map((r) => [r.id, r.title]));
}
