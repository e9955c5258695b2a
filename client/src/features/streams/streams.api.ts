import { z } from "zod";
import {
  createdStreamSchema,
  ingestSchema,
  publishTokenSchema,
  streamEnvelopeSchema,
  streamPageSchema,
  type CreateStreamInput,
  type DiscoverStreamsQuery,
  type ListStreamsQuery,
  type UpdateStreamInput,
} from "@contracts/streams.ts";
import { apiFetch, noContentSchema, patch, post, query, segment } from "../../lib/api/core.ts";

const ingestEnvelopeSchema = z.object({ ingest: ingestSchema });

export type StreamListParams = Partial<ListStreamsQuery>;

export const listStreams = (params: StreamListParams, signal?: AbortSignal) =>
  apiFetch(`/api/streams/list${query({ ...params })}`, { schema: streamPageSchema, signal });

export type DiscoverParams = Partial<DiscoverStreamsQuery>;

/** Public search and browse: live first, then by viewers, then by recency; typo-tolerant search. */
export const discoverStreams = (params: DiscoverParams, signal?: AbortSignal) =>
  apiFetch(`/api/streams/discover${query({ ...params })}`, { schema: streamPageSchema, signal });

export const getStream = (streamId: string, signal?: AbortSignal) =>
  apiFetch(`/api/streams/${segment(streamId)}`, { schema: streamEnvelopeSchema, signal });

/** Creator/admin: 503 LIVEKIT_NOT_CONFIGURED when the server has no LiveKit. */
export const createStream = (input: CreateStreamInput) => post("/api/streams", createdStreamSchema, input);

export const updateStream = (streamId: string, input: UpdateStreamInput) =>
  patch(`/api/streams/${segment(streamId)}`, streamEnvelopeSchema, input);

/** Ends the stream (owner or admin). */
export const endStream = (streamId: string) =>
  apiFetch(`/api/streams/${segment(streamId)}`, { method: "DELETE", schema: noContentSchema });

/** The owner's token to publish from the browser. */
export const getPublishToken = (streamId: string) =>
  post(`/api/streams/${segment(streamId)}/token`, publishTokenSchema);

/** Where OBS publishes by WHIP, with its bearer token. */
export const getIngest = (streamId: string, signal?: AbortSignal) =>
  apiFetch(`/api/streams/${segment(streamId)}/ingest`, { schema: ingestEnvelopeSchema, signal });

/** A new WHIP token; the old one stops working. */
export const rotateIngest = (streamId: string) =>
  post(`/api/streams/${segment(streamId)}/ingest/rotate`, ingestEnvelopeSchema);
