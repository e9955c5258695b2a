import { describe, expect, it } from "vitest";
import {
  DEFAULT_PREFERENCES,
  groupNotifications,
  type NotificationDto,
  resolvePreferences,
  updateNotificationPreferencesSchema,
} from "./notifications.ts";

const at = (minutesAgo: number) => new Date(Date.UTC(2026, 11, 2, 12, 0) - minutesAgo * 60_000).toISOString();
const item = (id: string, type: NotificationDto["type"], minutesAgo: number, read = false): NotificationDto => ({
  id,
  type,
  title: `t-${id}`,
  message: null,
  link: null,
  metadata: {},
  read,
  createdAt: at(minutesAgo),
});

describe("groupNotifications", () => {
  it("folds consecutive unread go-lives within an hour into one titled group", () => {
    const groups = groupNotifications([
      item("a", "STREAM_LIVE", 0),
      item("b", "STREAM_LIVE", 10),
      item("c", "STREAM_LIVE", 59),
      item("d", "STREAM_LIVE", 61),
      item("e", "SYSTEM", 62),
    ]);
    expect(groups.map((g) => [g.title, g.items.map((i) => i.id)])).toEqual([
      ["3 creators you follow went live", ["a", "b", "c"]],
      ["t-d", ["d"]],
      ["t-e", ["e"]],
    ]);
  });

  it("never groups read items, other types, or types without a group title", () => {
    const groups = groupNotifications([
      item("a", "STREAM_LIVE", 0),
      item("b", "STREAM_LIVE", 1, true),
      item("c", "SYSTEM", 2),
      item("d", "SYSTEM", 3),
      item("e", "FOLLOW", 4),
      item("f", "FOLLOW", 5),
    ]);
    expect(groups.map((g) => g.items.map((i) => i.id))).toEqual([["a"], ["b"], ["c"], ["d"], ["e", "f"]]);
    expect(groups.at(-1)?.title).toBe("2 new followers");
  });
});

describe("preferences", () => {
  it("fills what the user never changed with the defaults, and keeps what they did", () => {
    const resolved = resolvePreferences({ STREAM_LIVE: { inApp: false, email: true } });
    expect(resolved.STREAM_LIVE).toEqual({ inApp: false, email: true });
    expect(resolved.PAYMENT_SUCCESS).toEqual(DEFAULT_PREFERENCES.PAYMENT_SUCCESS);
    expect(resolvePreferences(null)).toEqual(DEFAULT_PREFERENCES);
  });

  it("accepts any subset of types but not an empty change, an unknown type or frequency", () => {
    expect(updateNotificationPreferencesSchema.safeParse({ emailFrequency: "daily" }).success).toBe(true);
    expect(
      updateNotificationPreferencesSchema.safeParse({ types: { FOLLOW: { inApp: true, email: false } } }).success,
    ).toBe(true);
    expect(updateNotificationPreferencesSchema.safeParse({}).success).toBe(false);
    expect(updateNotificationPreferencesSchema.safeParse({ emailFrequency: "weekly" }).success).toBe(false);
    expect(
      updateNotificationPreferencesSchema.safeParse({ types: { NOPE: { inApp: true, email: true } } }).success,
    ).toBe(false);
    expect(updateNotificationPreferencesSchema.safeParse({ types: { FOLLOW: { inApp: true } } }).success).toBe(false);
  });
});
