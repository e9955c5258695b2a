import { describe, expect, it } from "vitest";
import type { NotificationDto, NotificationFrame } from "@contracts/notifications.ts";
import { createNotificationsCore, POLL_INTERVAL_MS, type SocketLike } from "./notifications-store.ts";

class FakeSocket implements SocketLike {
  closed = false;
  sent: string[] = [];
  onopen: SocketLike["onopen"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  onerror: SocketLike["onerror"] = null;
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
  }
  receive(frame: NotificationFrame) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

const n = (id: string, minute: number): NotificationDto => ({
  id,
  type: "FOLLOW",
  title: `T ${id}`,
  message: null,
  link: null,
  metadata: {},
  read: false,
  createdAt: new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString(),
});

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const sockets: FakeSocket[] = [];
  const timers: { run: () => void; ms: number; repeat: boolean; live: boolean }[] = [];
  const arrived: string[][] = [];
  let page = { notifications: [n("a", 1)], unreadCount: 1 };
  let listCalls = 0;
  const store = createNotificationsCore({
    listLatest: () => {
      listCalls++;
      return Promise.resolve(page);
    },
    markRead: () => Promise.resolve(),
    markAllRead: () => Promise.resolve(),
    openSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    setTimer: (run, ms) => timers[timers.push({ run, ms, repeat: false, live: true }) - 1],
    clearTimer: (t) => ((t as { live: boolean }).live = false),
    setRepeat: (run, ms) => timers[timers.push({ run, ms, repeat: true, live: true }) - 1],
    clearRepeat: (t) => ((t as { live: boolean }).live = false),
    onArrived: (items) => arrived.push(items.map((i) => i.id)),
  });
  store.setUser("u1");
  return {
    store,
    dispose: () => store.setUser(null),
    sockets,
    timers,
    arrived,
    setUserId: store.setUser,
    setPage: (p: typeof page) => (page = p),
    listCalls: () => listCalls,
  };
}

describe("createNotificationsStore", () => {
  it("loads, then opens one socket whose pushes arrive (the initial load does not)", async () => {
    const t = setup();
    await flush();
    expect(t.store.unreadCount()).toBe(1);
    expect(t.sockets).toHaveLength(1);
    t.sockets[0]?.onopen?.();
    expect(t.store.status()).toBe("live");
    t.sockets[0]?.receive({ type: "notifications", notifications: [n("b", 2)], unreadCount: 2 });
    expect(t.store.unreadCount()).toBe(2);
    expect(t.store.latest().map((x) => x.id)).toEqual(["b", "a"]);
    expect(t.arrived).toEqual([["b"]]);
    t.dispose();
  });

  it("polls every 30 s while the socket is down and reconnects after a backoff", async () => {
    const t = setup();
    await flush();
    const first = t.sockets[0];
    first?.onopen?.();
    first?.onclose?.();
    expect(t.store.status()).toBe("polling");
    const poll = t.timers.find((x) => x.repeat && x.live && x.ms === POLL_INTERVAL_MS);
    expect(poll).toBeDefined();
    t.setPage({ notifications: [n("c", 3), n("a", 1)], unreadCount: 2 });
    const before = t.listCalls();
    poll?.run();
    await flush();
    expect(t.listCalls()).toBe(before + 1);
    expect(t.arrived).toEqual([["c"]]);
    const reconnect = t.timers.find((x) => !x.repeat && x.live);
    expect(reconnect?.ms).toBeGreaterThanOrEqual(500);
    expect(reconnect?.ms).toBeLessThanOrEqual(1000);
    reconnect?.run();
    await flush();
    expect(t.sockets).toHaveLength(2);
    t.sockets[1]?.onopen?.();
    expect(poll?.live).toBe(false);
    expect(t.store.status()).toBe("live");
    t.dispose();
  });

  it("closes the socket and forgets everything on sign-out", async () => {
    const t = setup();
    await flush();
    t.sockets[0]?.onopen?.();
    t.setUserId(null);
    expect(t.sockets[0]?.closed).toBe(true);
    expect(t.store.unreadCount()).toBe(0);
    expect(t.store.latest()).toEqual([]);
    expect(t.store.status()).toBe("off");
    expect(t.timers.filter((x) => x.live)).toEqual([]);
    t.dispose();
  });

  it("marks read optimistically", async () => {
    const t = setup();
    await flush();
    await t.store.markRead("a");
    expect(t.store.unreadCount()).toBe(0);
    expect(t.store.latest()[0]?.read).toBe(true);
    t.dispose();
  });
});
