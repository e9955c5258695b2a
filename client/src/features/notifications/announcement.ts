import type { NotificationDto } from "@contracts/notifications.ts";

// Its own module: the provider (in every page's bundle) needs this and nothing else of the state.
/** What a screen reader hears when notifications arrive. */
export function announcement(arrived: readonly NotificationDto[]): string {
  const first = arrived[0];
  if (!first) return "";
  if (arrived.length === 1) return `New notification: ${first.title}${first.message ? `. ${first.message}` : ""}`;
  return `${arrived.length} new notifications`;
}
