import { eq } from "drizzle-orm";
import type { DeletedStream } from "../../contracts/creator-streams.ts";
import { writeAuditLog } from "../platform/audit/write-audit-log.ts";
import type { Db } from "../platform/db/client.ts";
import { conflict } from "../platform/errors.ts";
import type { Logger } from "../platform/logger.ts";
import { findManagedStream } from "./find-managed-stream.ts";
import { type LiveKit, roomName } from "./livekit.ts";
import { streams } from "./streams.schema.ts";

export interface DeleteStreamInput {
  streamId: string;
  actorId: string;
  isAdmin: boolean;
  ip?: string | null;
  /** Part of POST /api/creator/streams/bulk (recorded in the audit row). */
  bulk?: boolean;
}

/**
 * A creator removes a stream from their list. One that never went live and nothing points at is
 * deleted outright; one with history (viewing sessions, meter events: the ledger's references) is
 * only marked deleted, so the ledger and analytics keep it. A stream on air must be ended first.
 */
export async function deleteStream(
  db: Db,
  input: DeleteStreamInput,
  deps: { livekit: LiveKit | null; logger: Logger },
): Promise<DeletedStream> {
  const deleted = await db.transaction(async (tx) => {
    const stream = await findManagedStream(tx, { ...input, lock: true });
    if (stream.status === "LIVE" || stream.status === "PAUSED") {
      throw conflict("STREAM_IS_LIVE", "End the stream before deleting it");
    }
    let mode: DeletedStream["mode"] = "soft";
    if (stream.startedAt === null) {
      // The restricting foreign keys (viewing_session, meter_event) are the test for history: a
      // savepoint tries the delete and falls back to the soft one, with no window between check and write.
      try {
        await tx.transaction(async (savepoint) => {
          await savepoint.delete(streams).where(eq(streams.id, stream.id));
        });
        mode = "hard";
      } catch (error) {
        if (!isForeignKeyViolation(error)) throw error;
      }
    }
    if (mode === "soft") await tx.update(streams).set({ deletedAt: new Date() }).where(eq(streams.id, stream.id));
    await writeAuditLog(tx, {
      actorId: input.actorId,
      action: "stream.deleted",
      targetType: "STREAM",
      targetId: stream.id,
      metadata: {
        mode,
        status: stream.status,
        title: stream.title,
        creatorId: stream.creatorId,
        bulk: input.bulk ?? false,
      },
      ip: input.ip ?? null,
    });
    return { id: stream.id, mode, status: stream.status };
  });
  // A scheduled stream's room was made when the stream was (an ended one's went with it): close it
  // so no publisher can still join. The row is already gone, so a LiveKit failure is only logged.
  if (deleted.status === "SCHEDULED") {
    try {
      await deps.livekit?.deleteRoom(roomName(deleted.id));
    } catch (error) {
      deps.logger.warn("deleteStream: could not delete the room", { streamId: deleted.id, error });
    }
  }
  return { id: deleted.id, mode: deleted.mode };
}

/** Postgres 23503 (foreign_key_violation); drivers and Drizzle wrap the error in `cause`. */
function isForeignKeyViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth++) {
    if ("code" in current && current.code === "23503") return true;
    current = "cause" in current ? current.cause : undefined;
  }
  return false;
}
