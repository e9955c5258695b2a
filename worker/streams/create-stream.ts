import { eq } from "drizzle-orm";
import type { CreateStreamInput, IngestDto } from "../../contracts/streams.ts";
import { findCategoryBySlug } from "../categories/index.ts";
import type { Db } from "../platform/db/client.ts";
import { AppError } from "../platform/errors.ts";
import { ingestFor } from "./ingest.ts";
import { type LiveKit, roomName } from "./livekit.ts";
import { type Stream, streams } from "./streams.schema.ts";

/** A SCHEDULED stream and its LiveKit room; the room is created first-class, not on first join. */
export async function createStream(
  db: Db,
  input: CreateStreamInput & { creatorId: string },
  deps: { livekit: LiveKit },
): Promise<{ stream: Stream; ingest: IngestDto }> {
  const category = input.category ? await findCategoryBySlug(db, input.category) : undefined;
  if (input.category && !category) throw new AppError("CATEGORY_NOT_FOUND", 400, `No category "${input.category}"`);
  const [stream] = await db
    .insert(streams)
    .values({
      creatorId: input.creatorId,
      title: input.title,
      description: input.description ?? null,
      categoryId: category?.id ?? null,
      thumbnailUrl: input.thumbnailUrl ?? null,
      tags: input.tags ?? [],
    })
    .returning();
  if (!stream) throw new Error("createStream: insert returned no row");
  try {
    await deps.livekit.createRoom(roomName(stream.id));
  } catch (error) {
    // No room, no stream: the creator can try again.
    await db.delete(streams).where(eq(streams.id, stream.id));
    throw new AppError(
      "LIVEKIT_UNAVAILABLE",
      502,
      `Could not create the stream's room (${error instanceof Error ? error.message : "LiveKit error"})`,
    );
  }
  const withRoom = await db
    .update(streams)
    .set({ ingestUrl: roomName(stream.id) })
    .where(eq(streams.id, stream.id))
    .returning();
  const saved = withRoom[0] ?? stream;
  return { stream: saved, ingest: await ingestFor(saved, deps) };
}
