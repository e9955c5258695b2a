import type { NotificationTypeName } from "../../contracts/notifications.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { loadPreferences } from "./notification-preferences.ts";
import { notifications } from "./notifications.schema.ts";

export interface NewNotificationInput {
  userId: string;
  type: NotificationTypeName;
  title: string;
  body?: string | null;
  /** A path inside the app the notification opens (deep link), e.g. `/watch/<id>`. */
  link?: string | null;
  metadata?: Record<string, unknown>;
  /**
   * Names the event (`payment:<id>`, `live:<streamId>:<startedAt>`): the same event delivered
   * again books nothing for a user who already has it.
   */
  dedupeKey?: string | null;
}

export interface BookedNotification {
  id: string;
  userId: string;
  inApp: boolean;
  emailPending: boolean;
}

/**
 * Books notifications as each user's preferences say: in-app and/or an email (sent by
 * deliverNotificationEmails, at once or in the daily digest); a type the user turned off
 * everywhere books nothing. Runs in the caller's transaction when it passes one, so a
 * notification exists exactly when the event that caused it was committed.
 */
export async function bookNotifications(
  db: DbOrTx,
  items: readonly NewNotificationInput[],
): Promise<BookedNotification[]> {
  if (items.length === 0) return [];
  const prefs = await loadPreferences(db, [...new Set(items.map((i) => i.userId))]);
  const values = items.flatMap((n) => {
    const p = prefs.get(n.userId)?.types[n.type];
    if (!p || (!p.inApp && !p.email)) return [];
    return [
      {
        userId: n.userId,
        type: n.type,
        title: n.title,
        body: n.body ?? null,
        link: n.link ?? null,
        metadata: n.metadata ?? {},
        dedupeKey: n.dedupeKey ?? null,
        inApp: p.inApp,
        emailPending: p.email,
      },
    ];
  });
  if (values.length === 0) return [];
  return db
    .insert(notifications)
    .values(values)
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({
      id: notifications.id,
      userId: notifications.userId,
      inApp: notifications.inApp,
      emailPending: notifications.emailPending,
    });
}

/** bookNotifications for callers that only need how many were booked. */
export async function createNotifications(db: DbOrTx, items: readonly NewNotificationInput[]): Promise<number> {
  return (await bookNotifications(db, items)).length;
}
