import {
  creatorAnalyticsSchema,
  creatorEarningsSchema,
  streamReportSchema,
  type CreatorAnalyticsQuery,
} from "@contracts/creators.ts";
import { apiFetch, query } from "../../lib/api/core.ts";

/** The signed-in creator's earnings account: total, pending settlement and its breakdowns. */
export const getCreatorEarnings = (signal?: AbortSignal) =>
  apiFetch("/api/creator/earnings", { schema: creatorEarningsSchema, signal });

/** Viewers, watch time and revenue of the signed-in creator over UTC days (default: the last 30). */
export const getCreatorAnalytics = (params: CreatorAnalyticsQuery, signal?: AbortSignal) =>
  apiFetch(`/api/creator/analytics${query({ ...params })}`, { schema: creatorAnalyticsSchema, signal });

/** One of the signed-in creator's streams minute by minute: viewers, revenue, chat. */
export const getStreamReport = (streamId: string, signal?: AbortSignal) =>
  apiFetch(`/api/creator/streams/${encodeURIComponent(streamId)}/report`, { schema: streamReportSchema, signal });
