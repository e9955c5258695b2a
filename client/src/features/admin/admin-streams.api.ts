import {
  adminStreamDetailSchema,
  adminStreamPageSchema,
  streamAnalyticsSchema,
  takedownResultSchema,
} from "@contracts/admin-streams.ts";
import type { StreamStatus } from "@contracts/streams.ts";
import { apiFetch, post, query, segment } from "../../lib/api/core.ts";

export interface AdminStreamsFilter {
  status?: StreamStatus | undefined;
  creator?: string | undefined;
  search?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  limit?: number | undefined;
}

/** Every stream (removed ones too) with viewers, duration and revenue so far. */
export const listAdminStreams = (filter: AdminStreamsFilter, signal?: AbortSignal) =>
  apiFetch(`/api/admin/streams${query({ ...filter })}`, { schema: adminStreamPageSchema, signal });

export const getAdminStream = (streamId: string, signal?: AbortSignal) =>
  apiFetch(`/api/admin/streams/${segment(streamId)}`, { schema: adminStreamDetailSchema, signal });

/** Takes a stream down at once: REMOVED, viewers cut off, the creator told. */
export const takedownStream = (streamId: string, reason: string) =>
  post(`/api/admin/streams/${segment(streamId)}/takedown`, takedownResultSchema, { reason });

export const getStreamAnalytics = (range: { startDate?: string; endDate?: string }, signal?: AbortSignal) =>
  apiFetch(`/api/admin/analytics/streams${query({ ...range })}`, { schema: streamAnalyticsSchema, signal });
