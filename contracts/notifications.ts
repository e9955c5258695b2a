import { z } from "zod";

/** Values of the notification_type enum (the table imports these). */
export const NOTIFICATION_TYPES = [
  "STREAM_LIVE",
  "FOLLOW",
  "PAYMENT_SUCCESS",
  "LOW_BALANCE",
  "MODERATION",
  "REPORT_OUTCOME",
  "APPEAL",
  "SYSTEM",
] as const;
export type NotificationTypeName = (typeof NOTIFICATION_TYPES)[number];

export const NOTIFICATION_TYPE_LABELS: Record<NotificationTypeName, string> = {
  STREAM_LIVE: "A creator you follow goes live",
  FOLLOW: "Someone follows you",
  PAYMENT_SUCCESS: "A payment succeeds",
  LOW_BALANCE: "Your balance runs low",
  MODERATION: "Moderation of your account or streams",
  REPORT_OUTCOME: "The outcome of a report you made",
  APPEAL: "Appeals",
  SYSTEM: "Announcements from Tollgate",
};

export const EMAIL_FREQUENCIES = ["instant", "daily"] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];

export const channelPreferenceSchema = z.object({ inApp: z.boolean(), email: z.boolean() });
export type ChannelPreference = z.infer<typeof channelPreferenceSchema>;

/** What the table stores: only the types the user changed. */
export type StoredPreferences = Partial<Record<NotificationTypeName, ChannelPreference>>;

/**
 * Defaults: everything in-app; email for money and safety matters. Go-live emails are opt-in,
 * since a popular creator going live would otherwise mail every follower.
 */
export const DEFAULT_PREFERENCES: Record<NotificationTypeName, ChannelPreference> = {
  STREAM_LIVE: { inApp: true, email: false },
  FOLLOW: { inApp: true, email: false },
  PAYMENT_SUCCESS: { inApp: true, email: true },
  LOW_BALANCE: { inApp: true, email: true },
  MODERATION: { inApp: true, email: true },
  REPORT_OUTCOME: { inApp: true, email: false },
  APPEAL: { inApp: true, email: true },
  SYSTEM: { inApp: true, email: false },
};

export const notificationPreferencesSchema = z.object({
  types: z.object(
    Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, channelPreferenceSchema])) as Record<
      NotificationTypeName,
      typeof channelPreferenceSchema
    >,
  ),
  emailFrequency: z.enum(EMAIL_FREQUENCIES),
});
export type NotificationPreferencesDto = z.infer<typeof notificationPreferencesSchema>;

/** PUT /api/notifications/preferences: any subset of types, and/or the frequency. */
export const updateNotificationPreferencesSchema = z
  .object({
    types: z.partialRecord(z.enum(NOTIFICATION_TYPES), channelPreferenceSchema).optional(),
    emailFrequency: z.enum(EMAIL_FREQUENCIES).optional(),
  })
  .strict()
  .refine((v) => v.types !== undefined || v.emailFrequency !== undefined, "Nothing to update");
export type UpdateNotificationPreferencesInput = z.infer<typeof updateNotificationPreferencesSchema>;

/** Merges what a user changed over the defaults. */
export function resolvePreferences(
  stored: StoredPreferences | null | undefined,
): Record<NotificationTypeName, ChannelPreference> {
  const out = { ...DEFAULT_PREFERENCES };
  for (const type of NOTIFICATION_TYPES) {
    const s = stored?.[type];
    if (s) out[type] = { inApp: s.inApp, email: s.email };
  }
  return out;
}

export const notificationSchema = z.object({
  id: z.string(),
  type: z.enum(NOTIFICATION_TYPES),
  title: z.string(),
  message: z.string().nullable(),
  link: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  read: z.boolean(),
  createdAt: z.string(),
});
export type NotificationDto = z.infer<typeof notificationSchema>;

export const NOTIFICATION_PAGE_MAX = 50;

export const listNotificationsQuerySchema = z.object({
  read: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(NOTIFICATION_PAGE_MAX).default(20),
  cursor: z.string().max(200).optional(),
});

export const notificationPageSchema = z.object({
  notifications: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int().nonnegative(),
});
export type NotificationPageDto = z.infer<typeof notificationPageSchema>;

export const unreadCountSchema = z.object({ unreadCount: z.number().int().nonnegative() });
export const readAllResultSchema = z.object({ updated: z.number().int().nonnegative() });

/** POST /api/notifications/read (bulk): mark the given ids read or unread. */
export const bulkReadSchema = z.object({
  ids: z.array(z.uuid()).min(1).max(NOTIFICATION_PAGE_MAX),
  read: z.boolean().default(true),
});

/** Frames the per-user notification socket sends. */
export const notificationFrameSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("notifications"), notifications: z.array(notificationSchema), unreadCount: z.number() }),
  z.object({ type: z.literal("unread"), unreadCount: z.number() }),
  z.object({ type: z.literal("pong") }),
]);
export type NotificationFrame = z.infer<typeof notificationFrameSchema>;

/**
 * Similar notifications shown as one ("3 creators you follow went live"): unread items of a
 * groupable type that arrived within `windowMs` of the group's newest item.
 */
export interface NotificationGroup {
  key: string;
  type: NotificationTypeName;
  items: NotificationDto[];
  title: string;
}

const GROUP_TITLES: Partial<Record<NotificationTypeName, (n: number) => string>> = {
  STREAM_LIVE: (n) => `${n} creators you follow went live`,
  FOLLOW: (n) => `${n} new followers`,
  PAYMENT_SUCCESS: (n) => `${n} payments succeeded`,
};

export function groupNotifications(items: readonly NotificationDto[], windowMs = 60 * 60 * 1000): NotificationGroup[] {
  const groups: NotificationGroup[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    const title = GROUP_TITLES[item.type];
    const first = last?.items[0];
    if (
      last &&
      first &&
      title &&
      last.type === item.type &&
      !item.read &&
      last.items.every((i) => !i.read) &&
      Date.parse(first.createdAt) - Date.parse(item.createdAt) <= windowMs
    ) {
      last.items.push(item);
      last.title = title(last.items.length);
      continue;
    }
    groups.push({ key: item.id, type: item.type, items: [item], title: item.title });
  }
  return groups;
}
