import { z } from "zod";
import {
  notificationPageSchema,
  notificationPreferencesSchema,
  notificationSchema,
  readAllResultSchema,
  unreadCountSchema,
  type UpdateNotificationPreferencesInput,
} from "@contracts/notifications.ts";
import { apiFetch, segment } from "../../lib/api/core.ts";

export type ReadFilter = "all" | "unread" | "read";

export interface ListNotificationsParams {
  filter?: ReadFilter;
  limit?: number;
  cursor?: string;
}

export function listNotifications(params: ListNotificationsParams = {}, signal?: AbortSignal) {
  const query = new URLSearchParams();
  if (params.filter === "unread") query.set("read", "false");
  if (params.filter === "read") query.set("read", "true");
  if (params.limit !== undefined) query.set("limit", String(params.limit));
  if (params.cursor) query.set("cursor", params.cursor);
  const qs = query.toString();
  return apiFetch(`/api/notifications${qs ? `?${qs}` : ""}`, { schema: notificationPageSchema, signal });
}

export const fetchUnreadCount = (signal?: AbortSignal) =>
  apiFetch("/api/notifications/unread-count", { schema: unreadCountSchema, signal });

export const markNotificationRead = (id: string) =>
  apiFetch(`/api/notifications/${segment(id)}/read`, {
    method: "PATCH",
    schema: z.object({ notification: notificationSchema }),
  });

export const markAllNotificationsRead = () =>
  apiFetch("/api/notifications/read-all", { method: "POST", schema: readAllResultSchema });

export const setNotificationsRead = (ids: string[], read: boolean) =>
  apiFetch("/api/notifications/read", { method: "POST", body: { ids, read }, schema: readAllResultSchema });

export const getNotificationPreferences = (signal?: AbortSignal) =>
  apiFetch("/api/notifications/preferences", { schema: notificationPreferencesSchema, signal });

export const updateNotificationPreferences = (changes: UpdateNotificationPreferencesInput) =>
  apiFetch("/api/notifications/preferences", {
    method: "PUT",
    body: changes,
    schema: notificationPreferencesSchema,
  });

export const unsubscribe = (token: string) =>
  apiFetch("/api/notifications/unsubscribe", {
    method: "POST",
    body: { token },
    schema: z.object({ scope: z.string() }),
  });

/** The live feed's address (same origin; the session cookie authenticates the upgrade). */
export function notificationSocketUrl(location: { protocol: string; host: string }): string {
  const protocol = location.protocol === "https:" ? "wss:" : "ws:";
  return `${protocol}//${location.host}/api/notifications/socket`;
}
