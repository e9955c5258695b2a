import type { BulkStreamActionInput, BulkStreamResult } from "../../contracts/creator-streams.ts";
import type { Db } from "../platform/db/client.ts";
import { AppError } from "../platform/errors.ts";
import type { Logger } from "../platform/logger.ts";
import { deleteStream } from "./delete-stream.ts";
import type { EndStreamDeps } from "./end-stream.ts";
import { endManagedStream, type StreamActor } from "./end-managed-stream.ts";

/**
 * POST /api/creator/streams/bulk: each stream is ended or deleted on its own (one failing does
 * not undo the others) and every id's outcome is reported, in the order given, duplicates once.
 */
export async function bulkStreamAction(
  db: Db,
  input: BulkStreamActionInput & StreamActor,
  deps: EndStreamDeps & { logger: Logger },
): Promise<BulkStreamResult> {
  const results: BulkStreamResult["results"] = [];
  for (const streamId of new Set(input.streamIds)) {
    try {
      if (input.action === "delete") await deleteStream(db, { ...input, streamId, bulk: true }, deps);
      else await endManagedStream(db, { ...input, streamId, bulk: true }, deps);
      results.push({ id: streamId, ok: true });
    } catch (error) {
      if (!(error instanceof AppError)) {
        deps.logger.error("bulkStreamAction failed on one stream", { streamId, action: input.action, error });
        results.push({ id: streamId, ok: false, error: { code: "INTERNAL", message: "Something went wrong" } });
      } else results.push({ id: streamId, ok: false, error: { code: error.code, message: error.message } });
    }
  }
  return { results };
}
