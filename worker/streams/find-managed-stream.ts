import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { notFound } from "../platform/errors.ts";
import { type Stream, streams } from "./streams.schema.ts";

/**
 * A stream the actor may manage: their own (an admin: anyone's), not deleted. Another creator's
 * stream is as absent as one that does not exist (404), so ids cannot be probed. `lock`: FOR UPDATE.
 */
export async function findManagedStream(
  db: DbOrTx,
  input: { streamId: string; actorId: string; isAdmin: boolean; lock?: boolean },
): Promise<Stream> {
  const query = db
    .select()
    .from(streams)
    .where(
      and(
        eq(streams.id, input.streamId),
        isNull(streams.deletedAt),
        input.isAdmin ? undefined : eq(streams.creatorId, input.actorId),
      ),
    );
  const [row] = input.lock ? await query.for("update") : await query;
  if (!row) throw notFound("Stream");
  return row;
}
