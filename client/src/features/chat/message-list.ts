import type { ChatMessageDto } from "@contracts/chat.ts";

/** At most this many messages stay in memory; the oldest are dropped (they can be loaded again). */
export const MAX_KEPT_MESSAGES = 500;

const byTimeThenId = (a: ChatMessageDto, b: ChatMessageDto) =>
  a.createdAt === b.createdAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.createdAt < b.createdAt ? -1 : 1;

/**
 * The list with `incoming` merged in: one entry per id (the incoming copy wins: it may carry a
 * masked text), oldest first. Used for live frames, a reconnect's welcome history, the polling
 * fallback and older pages alike, so nothing is ever shown twice.
 */
export function mergeMessages(
  current: readonly ChatMessageDto[],
  incoming: readonly ChatMessageDto[],
  max = MAX_KEPT_MESSAGES,
  keep: "newest" | "oldest" = "newest",
): ChatMessageDto[] {
  if (incoming.length === 0) return current.slice();
  const byId = new Map<string, ChatMessageDto>();
  for (const message of current) byId.set(message.id, message);
  for (const message of incoming) byId.set(message.id, message);
  const merged = [...byId.values()].sort(byTimeThenId);
  if (merged.length <= max) return merged;
  return keep === "newest" ? merged.slice(merged.length - max) : merged.slice(0, max);
}

/** The list without the given ids. */
export function removeMessages(current: readonly ChatMessageDto[], ids: readonly string[]): ChatMessageDto[] {
  if (ids.length === 0) return current.slice();
  const gone = new Set(ids);
  return current.filter((message) => !gone.has(message.id));
}

/** How many of `incoming` are not yet in `current` (for "3 new messages"). */
export function countNew(current: readonly ChatMessageDto[], incoming: readonly ChatMessageDto[]): number {
  const known = new Set(current.map((m) => m.id));
  return new Set(incoming.filter((m) => !known.has(m.id)).map((m) => m.id)).size;
}
