import { z } from "zod";
import { autoModSettingsSchema, type AutoModSettings } from "@contracts/chat.ts";
import {
  appealSchema,
  autoModPreviewResultSchema,
  banListSchema,
  myModerationActionSchema,
  reportDetailSchema,
  reportQueueSchema,
  reviewResultSchema,
  type CreateAppealInput,
  type DecideAppealInput,
  type ReviewReportInput,
} from "@contracts/moderation.ts";
import { apiFetch, patch, post, query, segment } from "../../lib/api/core.ts";

export interface QueueFilters {
  status: "PENDING" | "REVIEWED" | "ALL";
  targetType?: string | undefined;
  reporterId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  limit?: number;
}

/** The review queue: reports grouped per target, highest priority first. */
export const getReportQueue = (filters: QueueFilters, signal?: AbortSignal) =>
  apiFetch(
    `/api/reports/list${query({
      status: filters.status,
      targetType: filters.targetType || undefined,
      reporterId: filters.reporterId || undefined,
      from: filters.from || undefined,
      to: filters.to || undefined,
      page: filters.page,
      limit: filters.limit,
    })}`,
    { schema: reportQueueSchema, signal },
  );

export const getReport = (reportId: string, signal?: AbortSignal) =>
  apiFetch(`/api/reports/${segment(reportId)}`, { schema: reportDetailSchema, signal });

export const reviewReport = (reportId: string, input: ReviewReportInput) =>
  patch(`/api/reports/${segment(reportId)}/review`, reviewResultSchema, input);

export const getBans = (params: { scope: string; page: number }, signal?: AbortSignal) =>
  apiFetch(`/api/moderation/bans${query(params)}`, { schema: banListSchema, signal });

const extendedSchema = z.object({ actionId: z.string(), expiresAt: z.string().nullable() });
export const extendBan = (actionId: string, extendBySeconds: number) =>
  patch(`/api/moderation/bans/${segment(actionId)}`, extendedSchema, { extendBySeconds });

const liftedSchema = z.object({ lifted: z.array(z.string()) });
export const liftBans = (userId: string) =>
  apiFetch(`/api/moderation/bans/${segment(userId)}`, { method: "DELETE", schema: liftedSchema });

const appealsEnvelope = z.object({ appeals: z.array(appealSchema) });
export const getAppeals = (status: string, signal?: AbortSignal) =>
  apiFetch(`/api/appeals${query({ status })}`, { schema: appealsEnvelope, signal });

export const decideAppeal = (appealId: string, input: DecideAppealInput) =>
  patch(`/api/appeals/${segment(appealId)}`, appealSchema, input);

const myActionsEnvelope = z.object({ actions: z.array(myModerationActionSchema) });
export const getMyActions = (signal?: AbortSignal) =>
  apiFetch("/api/moderation/my-actions", { schema: myActionsEnvelope, signal });

const createdAppealSchema = z.object({ id: z.string(), moderationActionId: z.string(), status: z.string() });
export const submitAppeal = (input: CreateAppealInput) => post("/api/appeals", createdAppealSchema, input);

export const getAutoModSettings = (signal?: AbortSignal) =>
  apiFetch("/api/admin/chat-settings", { schema: autoModSettingsSchema, signal });

export const saveAutoModSettings = (settings: AutoModSettings) =>
  apiFetch("/api/admin/chat-settings", { method: "PUT", schema: autoModSettingsSchema, body: settings });

/** What a sample message becomes under these (unsaved) settings: the server runs the real filter. */
export const previewAutoMod = (text: string, settings: AutoModSettings, signal?: AbortSignal) =>
  apiFetch("/api/admin/chat-settings/preview", {
    method: "POST",
    schema: autoModPreviewResultSchema,
    body: { text, settings },
    signal,
  });
