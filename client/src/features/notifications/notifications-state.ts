import type { NotificationDto, NotificationFrame } from "@contracts/notifications.ts";

/** How many of the newest notifications the bell keeps. */
export const LATEST_LIMIT = 5;

export interface NotificationsState {
  unreadCount: number;
  /** Newest first, at most LATEST_LIMIT. */
  latest: NotificationDto[];
  /** The first page or the socket has told us the state at least once. */
  loaded: boolean;
}

export const initialNotificationsState = (): NotificationsState => ({ unreadCount: 0, latest: [], loaded: false });

export interface Reduced {
  state: NotificationsState;
  /** Notifications new to this tab (toast and announce these): none for the initial load. */
  arrived: NotificationDto[];
}

const byNewest = (a: NotificationDto, b: NotificationDto) =>
  Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Merges `incoming` over `latest` (same id: the incoming copy wins), newest first, capped. */
export function mergeLatest(
  latest: readonly NotificationDto[],
  incoming: readonly NotificationDto[],
): NotificationDto[] {
  const byId = new Map<string, NotificationDto>();
  for (const n of latest) byId.set(n.id, n);
  for (const n of incoming) byId.set(n.id, n);
  return [...byId.values()].sort(byNewest).slice(0, LATEST_LIMIT);
}

/** A page fetched over HTTP (first load or a poll): new ids count as arrived once loaded. */
export function applyPage(
  state: NotificationsState,
  page: { notifications: NotificationDto[]; unreadCount: number },
): Reduced {
  const known = new Set(state.latest.map((n) => n.id));
  const newest = state.latest[0] ? Date.parse(state.latest[0].createdAt) : -Infinity;
  const arrived = state.loaded
    ? page.notifications.filter((n) => !known.has(n.id) && !n.read && Date.parse(n.createdAt) > newest)
    : [];
  return {
    state: { unreadCount: page.unreadCount, latest: mergeLatest([], page.notifications), loaded: true },
    arrived,
  };
}

/** A frame from the live socket. */
export function applyFrame(state: NotificationsState, frame: NotificationFrame): Reduced {
  switch (frame.type) {
    case "pong":
      return { state, arrived: [] };
    case "unread":
      return { state: { ...state, unreadCount: frame.unreadCount }, arrived: [] };
    case "notifications": {
      const known = new Set(state.latest.map((n) => n.id));
      return {
        state: {
          unreadCount: frame.unreadCount,
          latest: mergeLatest(state.latest, frame.notifications),
          loaded: state.loaded,
        },
        arrived: frame.notifications.filter((n) => !known.has(n.id) && !n.read),
      };
    }
  }
}

/** Marks ids read or unread locally (optimistically); the count moves by the items that changed. */
export function applyRead(state: NotificationsState, ids: readonly string[], read: boolean): NotificationsState {
  const set = new Set(ids);
  let changed = 0;
  const latest = state.latest.map((n) => {
    if (!set.has(n.id) || n.read === read) return n;
    changed++;
    return { ...n, read };
  });
  // Items outside the latest five still change the count: trust the caller's ids for those.
  const outside = ids.filter((id) => !state.latest.some((n) => n.id === id)).length;
  const delta = read ? -(changed + outside) : changed + outside;
  return { ...state, latest, unreadCount: Math.max(0, state.unreadCount + delta) };
}

export function applyAllRead(state: NotificationsState): NotificationsState {
  return { ...state, unreadCount: 0, latest: state.latest.map((n) => (n.read ? n : { ...n, read: true })) };
}

/** "Notifications, 3 unread" / "Notifications" — the bell's accessible name. */
export function bellLabel(unread: number): string {
  return unread > 0 ? `Notifications, ${unread} unread` : "Notifications";
}

/** The badge text: "9+" past nine. */
export function badgeText(unread: number): string {
  return unread > 9 ? "9+" : String(unread);
}
