import { describe, expect, it } from "vitest";
import { groupNotifications, type NotificationDto } from "@contracts/notifications.ts";
import { announcement } from "./announcement.ts";
import {
  applyAllRead,
  applyFrame,
  applyPage,
  applyRead,
  badgeText,
  bellLabel,
  initialNotificationsState,
  mergeLatest,
} from "./notifications-state.ts";

const n = (id: string, minute: number, over: Partial<NotificationDto> = {}): NotificationDto => ({
  id,
  type: "STREAM_LIVE",
  title: `Title ${id}`,
  message: null,
  link: `/watch/${id}`,
  metadata: {},
  read: false,
  createdAt: new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString(),
  ...over,
});

describe("applyPage", () => {
  it("reports nothing as arrived on the first load", () => {
    const { state, arrived } = applyPage(initialNotificationsState(), { notifications: [n("a", 1)], unreadCount: 4 });
    expect(arrived).toEqual([]);
    expect(state).toMatchObject({ unreadCount: 4, loaded: true });
    expect(state.latest.map((x) => x.id)).toEqual(["a"]);
  });

  it("reports unread items newer than the newest known one on a later poll", () => {
    const first = applyPage(initialNotificationsState(), { notifications: [n("a", 5)], unreadCount: 1 }).state;
    const { arrived, state } = applyPage(first, {
      notifications: [n("c", 7), n("b", 6, { read: true }), n("a", 5), n("old", 1)],
      unreadCount: 3,
    });
    expect(arrived.map((x) => x.id)).toEqual(["c"]);
    expect(state.unreadCount).toBe(3);
  });
});

describe("applyFrame", () => {
  const loaded = applyPage(initialNotificationsState(), { notifications: [n("a", 1)], unreadCount: 1 }).state;

  it("takes the count from an unread frame", () => {
    const { state, arrived } = applyFrame(loaded, { type: "unread", unreadCount: 7 });
    expect(state.unreadCount).toBe(7);
    expect(arrived).toEqual([]);
  });

  it("puts pushed notifications first and reports only the new ones", () => {
    const { state, arrived } = applyFrame(loaded, {
      type: "notifications",
      notifications: [n("b", 2), n("a", 1)],
      unreadCount: 2,
    });
    expect(state.latest.map((x) => x.id)).toEqual(["b", "a"]);
    expect(arrived.map((x) => x.id)).toEqual(["b"]);
    expect(state.unreadCount).toBe(2);
  });

  it("ignores pong", () => {
    expect(applyFrame(loaded, { type: "pong" }).state).toBe(loaded);
  });
});

describe("mergeLatest", () => {
  it("keeps the five newest, newest first, the incoming copy winning", () => {
    const latest = [n("a", 1), n("b", 2), n("c", 3)];
    const merged = mergeLatest(latest, [n("a", 1, { read: true }), n("d", 4), n("e", 5), n("f", 6)]);
    expect(merged.map((x) => x.id)).toEqual(["f", "e", "d", "c", "b"]);
    expect(mergeLatest(latest, [n("a", 1, { read: true })]).find((x) => x.id === "a")?.read).toBe(true);
  });
});

describe("applyRead / applyAllRead", () => {
  const state = { unreadCount: 5, latest: [n("a", 2), n("b", 1, { read: true })], loaded: true };

  it("lowers the count by the items that changed", () => {
    const next = applyRead(state, ["a", "b"], true);
    expect(next.unreadCount).toBe(4);
    expect(next.latest.every((x) => x.read)).toBe(true);
  });

  it("raises it when marking unread", () => {
    expect(applyRead(state, ["b"], false).unreadCount).toBe(6);
  });

  it("never goes below zero", () => {
    expect(applyRead({ ...state, unreadCount: 0 }, ["a"], true).unreadCount).toBe(0);
  });

  it("mark all read zeroes the count", () => {
    const next = applyAllRead(state);
    expect(next.unreadCount).toBe(0);
    expect(next.latest.map((x) => x.read)).toEqual([true, true]);
  });
});

describe("labels", () => {
  it("names the bell with its count", () => {
    expect(bellLabel(3)).toBe("Notifications, 3 unread");
    expect(bellLabel(0)).toBe("Notifications");
  });
  it("caps the badge", () => {
    expect(badgeText(9)).toBe("9");
    expect(badgeText(12)).toBe("9+");
  });
  it("announces one by title and several by count", () => {
    expect(announcement([n("a", 1)])).toBe("New notification: Title a");
    expect(announcement([{ ...n("a", 1), message: "Go watch" }])).toBe("New notification: Title a. Go watch");
    expect(announcement([n("a", 1), n("b", 2)])).toBe("2 new notifications");
    expect(announcement([])).toBe("");
  });
});

describe("grouping as the bell shows it", () => {
  it("groups three unread go-lives into one titled row, then a read one apart", () => {
    const groups = groupNotifications([n("a", 30), n("b", 20), n("c", 10), n("d", 5, { read: true })]);
    expect(groups.map((g) => [g.title, g.items.length])).toEqual([
      ["3 creators you follow went live", 3],
      ["Title d", 1],
    ]);
  });
});
