import {
  bulkStreamResultSchema,
  creatorStreamsPageSchema,
  deletedStreamSchema,
  type BulkStreamActionInput,
  type CreatorStreamsQuery,
} from "@contracts/creator-streams.ts";
import { apiFetch, post, query, segment } from "../../lib/api/core.ts";

/** The signed-in creator's streams, filtered, sorted and paged by the API. */
export const listCreatorStreams = (params: Partial<CreatorStreamsQuery>, signal?: AbortSignal) =>
  apiFetch(`/api/creator/streams${query({ ...params })}`, { schema: creatorStreamsPageSchema, signal });

/** Removes a stream from the list (kept for the ledger if it has history); a live one is refused (409). */
export const deleteCreatorStream = (streamId: string) =>
  apiFetch(`/api/creator/streams/${segment(streamId)}`, { method: "DELETE", schema: deletedStreamSchema });

/** Ends or deletes several streams; each id's outcome comes back. */
export const bulkStreamAction = (input: BulkStreamActionInput) =>
  post("/api/creator/streams/bulk", bulkStreamResultSchema, input);
