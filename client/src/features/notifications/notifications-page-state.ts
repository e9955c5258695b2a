import type { ReadFilter } from "./notifications.api.ts";

export const READ_FILTERS: { value: ReadFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "unread", label: "Unread" },
  { value: "read", label: "Read" },
];

/** `?filter=` as the page reads it: anything unknown means all. */
export function parseReadFilter(value: string | string[] | undefined): ReadFilter {
  const v = Array.isArray(value) ? value[0] : value;
  return v === "unread" || v === "read" ? v : "all";
}

export function emptyMessage(filter: ReadFilter): string {
  if (filter === "unread") return "No unread notifications: you're all caught up.";
  if (filter === "read") return "No read notifications yet.";
  return "No notifications yet. We'll tell you when a creator you follow goes live.";
}
