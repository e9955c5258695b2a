import { writeAuditLog } from "../platform/audit/write-audit-log.ts";
import type { Db } from "../platform/db/client.ts";
import { AppError } from "../platform/errors.ts";
import { endStream, type EndStreamDeps } from "./end-stream.ts";
import { findManagedStream } from "./find-managed-stream.ts";
import { canTransition } from "./stream-status.ts";

export interface StreamActor {
  actorId: string;
  isAdmin: boolean;
  ip?: string | null;
}

/** Ends one stream the actor manages, audited; an ended or removed one is a 409. */
export async function endManagedStream(
  db: Db,
  input: StreamActor & { streamId: string; bulk?: boolean },
  deps: EndStreamDeps,
): Promise<void> {
  const stream = await findManagedStream(db, input);
  if (!canTransition(stream.status, "ENDED")) {
    throw new AppError("INVALID_TRANSITION", 409, `A ${stream.status} stream cannot be ended`);
  }
  const ended = await endStream(db, { streamId: stream.id }, deps);
  // Someone else (LiveKit, a second click) ended it first: nothing of ours to record.
  if (!ended) return;
  await writeAuditLog(db, {
    actorId: input.actorId,
    action: "stream.ended",
    targetType: "STREAM",
    targetId: stream.id,
    metadata: { from: stream.status, creatorId: stream.creatorId, bulk: input.bulk ?? false },
    ip: input.ip ?? null,
  });
}
