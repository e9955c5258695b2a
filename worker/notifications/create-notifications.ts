import type { DbOrTx } from "../platform/db/client.ts";
import { notifications } from "./notifications.schema.ts";

export interface NewNotificationInput {
  userId: string;
  type: (typeof notifications.$inferInsert)["type"];
  title: string;
  body?: string | null;
  /** A path inside the app the notification opens (deep link), e.g. `/watch/<id>`. */
  link?: string | null;
}

/**
 * Books in-app notifications, in the caller's transaction when it passes one, so a notification
 * exists exactly when the event that caused it was committed.
 */
export async function createNotifications(db: DbOrTx, items: readonly NewNotificationInput[]): Promise<number> {
  if (items.length === 0) return 0;
  const rows = await db
    .insert(notifications)
    .values(items.map((n) => ({ ...n, body: n.body ?? null, link: n.link ?? null })))
    .returning({ id: notifications.id });
  return rows.length;
}
