import { eq } from "drizzle-orm";
import type { UpdateStreamInput } from "../../contracts/streams.ts";
import { findCategoryBySlug } from "../categories/index.ts";
import type { Db } from "../platform/db/client.ts";
import { AppError } from "../platform/errors.ts";
import { endStream, type EndStreamDeps } from "./end-stream.ts";
import { canTransition } from "./stream-status.ts";
import { type Stream, streams } from "./streams.schema.ts";

/** The owner edits title, category, description, thumbnail; or ends the stream. */
export async function updateStream(
  db: Db,
  input: UpdateStreamInput & { stream: Stream },
  deps: EndStreamDeps,
): Promise<Stream> {
  const { stream } = input;
  if (input.status && !canTransition(stream.status, input.status)) {
    throw new AppError("INVALID_TRANSITION", 409, `A ${stream.status} stream cannot become ${input.status}`);
  }
  const changes: Partial<typeof streams.$inferInsert> = {};
  if (input.title !== undefined) changes.title = input.title;
  if (input.description !== undefined) changes.description = input.description;
  if (input.thumbnailUrl !== undefined) changes.thumbnailUrl = input.thumbnailUrl;
  if (input.tags !== undefined) changes.tags = input.tags;
  if (input.category !== undefined) {
    const category = input.category === null ? null : await findCategoryBySlug(db, input.category);
    if (category === undefined) throw new AppError("CATEGORY_NOT_FOUND", 400, `No category "${input.category}"`);
    changes.categoryId = category?.id ?? null;
  }
  let current = stream;
  if (Object.keys(changes).length > 0) {
    const [updated] = await db.update(streams).set(changes).where(eq(streams.id, stream.id)).returning();
    if (updated) current = updated;
  }
  if (input.status === "ENDED") current = (await endStream(db, { streamId: stream.id }, deps)) ?? current;
  return current;
}
