import { notificationFrameSchema, type NotificationDto } from "@contracts/notifications.ts";
import { batch, createEffect, createSignal, on, onCleanup, type Accessor } from "solid-js";
import { reconnectDelay } from "../../lib/reconnect-backoff.ts";
import * as api from "./notifications.api.ts";
import {
  applyAllRead,
  applyFrame,
  applyPage,
  applyRead,
  initialNotificationsState,
  LATEST_LIMIT,
  type NotificationsState,
} from "./notifications-state.ts";

/** While the socket is down the bell asks the API this often. */
export const POLL_INTERVAL_MS = 30_000;
/** Keeps idle proxies from closing the socket (answered by the Durable Object without waking it). */
export const KEEPALIVE_MS = 25_000;

export type LiveStatus = "off" | "connecting" | "live" | "polling";

export interface SocketLike {
  onopen: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: (() => void) | null;
  onerror: (() => void) | null;
  send: (data: string) => void;
  close: () => void;
}

export interface NotificationsDeps {
  listLatest: () => Promise<{ notifications: NotificationDto[]; unreadCount: number }>;
  markRead: (id: string) => Promise<unknown>;
  markAllRead: () => Promise<unknown>;
  openSocket: () => SocketLike;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
  setRepeat: (run: () => void, ms: number) => unknown;
  clearRepeat: (timer: unknown) => void;
  /** Told about notifications pushed to this tab after the first load (toasts, announcements). */
  onArrived: (items: NotificationDto[]) => void;
}

export interface NotificationsStore {
  unreadCount: Accessor<number>;
  latest: Accessor<NotificationDto[]>;
  loaded: Accessor<boolean>;
  status: Accessor<LiveStatus>;
  markRead: (id: string) => Promise<void>;
  markAllRead: () => Promise<void>;
  /** Fetches the latest again (after a change made elsewhere, such as the notifications page). */
  refresh: () => Promise<void>;
}

export function browserNotificationsDeps(onArrived: (items: NotificationDto[]) => void): NotificationsDeps {
  return {
    listLatest: () => api.listNotifications({ limit: LATEST_LIMIT }),
    markRead: api.markNotificationRead,
    markAllRead: api.markAllNotificationsRead,
    openSocket: () => new WebSocket(api.notificationSocketUrl(window.location)) as unknown as SocketLike,
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
    setRepeat: (run, ms) => setInterval(run, ms),
    clearRepeat: (timer) => clearInterval(timer as ReturnType<typeof setInterval>),
    onArrived,
  };
}

/**
 * The store, following `userId` (the signed-in user, null when signed out). Call inside a
 * component or root: it is disposed with it.
 */
export function createNotificationsStore(userId: Accessor<string | null>, deps: NotificationsDeps): NotificationsStore {
  const core = createNotificationsCore(deps);
  createEffect(on(userId, core.setUser));
  onCleanup(() => core.setUser(null));
  return core;
}

/**
 * The signed-in user's notifications for this tab: the unread count and the latest few, kept
 * current by one WebSocket (reconnecting with backoff) and, while it is down, a poll every 30 s.
 * Signing out closes the socket and forgets everything.
 */
export function createNotificationsCore(deps: NotificationsDeps): NotificationsStore & {
  /** Who is signed in now (null: nobody): closes the previous user's socket, opens theirs. */
  setUser: (userId: string | null) => void;
} {
  const [state, setState] = createSignal<NotificationsState>(initialNotificationsState());
  const [status, setStatus] = createSignal<LiveStatus>("off");

  let socket: SocketLike | null = null;
  let reconnectTimer: unknown = null;
  let pollTimer: unknown = null;
  let keepAlive: unknown = null;
  let attempt = 0;
  let currentUser: string | null = null;
  /** Bumped on every sign-in/out, so late answers for a previous user are dropped. */
  let generation = 0;

  const reduce = (run: (s: NotificationsState) => { state: NotificationsState; arrived: NotificationDto[] }) => {
    const { state: next, arrived } = run(state());
    setState(next);
    if (arrived.length > 0) deps.onArrived(arrived);
  };

  const refresh = async () => {
    const mine = generation;
    if (!currentUser) return;
    try {
      const page = await deps.listLatest();
      if (mine === generation) reduce((s) => applyPage(s, page));
    } catch {
      // Offline or signed out meanwhile: the next poll or reconnect tries again.
    }
  };

  const stopPolling = () => {
    if (pollTimer !== null) deps.clearRepeat(pollTimer);
    pollTimer = null;
  };
  const startPolling = () => {
    if (pollTimer !== null) return;
    pollTimer = deps.setRepeat(() => void refresh(), POLL_INTERVAL_MS);
  };

  const closeSocket = () => {
    if (keepAlive !== null) deps.clearRepeat(keepAlive);
    keepAlive = null;
    if (reconnectTimer !== null) deps.clearTimer(reconnectTimer);
    reconnectTimer = null;
    const s = socket;
    socket = null;
    if (s) {
      s.onopen = s.onmessage = s.onclose = s.onerror = null;
      s.close();
    }
  };

  const connect = () => {
    const mine = generation;
    setStatus((s) => (s === "polling" ? s : "connecting"));
    let ws: SocketLike;
    try {
      ws = deps.openSocket();
    } catch {
      scheduleReconnect(mine);
      return;
    }
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      stopPolling();
      setStatus("live");
      keepAlive = deps.setRepeat(() => ws.send('{"type":"ping"}'), KEEPALIVE_MS);
    };
    ws.onmessage = (event) => {
      if (typeof event.data !== "string") return;
      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        return;
      }
      const frame = notificationFrameSchema.safeParse(json);
      if (frame.success) reduce((s) => applyFrame(s, frame.data));
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      if (keepAlive !== null) deps.clearRepeat(keepAlive);
      keepAlive = null;
      scheduleReconnect(mine);
    };
    ws.onerror = () => ws.close();
  };

  const scheduleReconnect = (mine: number) => {
    if (mine !== generation) return;
    setStatus("polling");
    startPolling();
    const delay = reconnectDelay(attempt++);
    reconnectTimer = deps.setTimer(() => {
      reconnectTimer = null;
      if (mine !== generation) return;
      // A fetch first: it refreshes an expired session (the upgrade itself cannot) and catches up.
      void refresh().then(() => {
        if (mine === generation && socket === null) connect();
      });
    }, delay);
  };

  const stop = () => {
    generation++;
    closeSocket();
    stopPolling();
    attempt = 0;
    batch(() => {
      setState(initialNotificationsState());
      setStatus("off");
    });
  };

  const setUser = (userId: string | null) => {
    stop();
    currentUser = userId;
    if (!userId) return;
    const mine = generation;
    void refresh().then(() => {
      if (mine === generation) connect();
    });
  };

  return {
    setUser,
    unreadCount: () => state().unreadCount,
    latest: () => state().latest,
    loaded: () => state().loaded,
    status,
    async markRead(id) {
      const item = state().latest.find((n) => n.id === id);
      if (item?.read) return;
      setState((s) => applyRead(s, [id], true));
      try {
        await deps.markRead(id);
      } catch (error) {
        void refresh();
        throw error;
      }
    },
    async markAllRead() {
      setState(applyAllRead);
      try {
        await deps.markAllRead();
      } catch (error) {
        void refresh();
        throw error;
      }
    },
    refresh,
  };
}
