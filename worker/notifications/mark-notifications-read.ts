import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { NotificationDto } from "../../contracts/notifications.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { notFound } from "../platform/errors.ts";
import { toNotificationDto } from "./notification-dto.ts";
import { notifications } from "./notifications.schema.ts";

/** Marks one of the user's own notifications read (idempotent); another user's is a 404. */
export async function markNotificationRead(
  db: DbOrTx,
  input: { userId: string; notificationId: string },
): Promise<NotificationDto> {
  const own = and(eq(notifications.id, input.notificationId), eq(notifications.userId, input.userId));
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(own, isNull(notifications.readAt)));
  const [row] = await db.select().from(notifications).where(own);
  if (!row) throw notFound("Notification");
  return toNotificationDto(row);
}

/** Marks every unread notification of the user read; returns how many changed. */
export async function markAllNotificationsRead(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** Bulk read/unread of the user's own notifications (others' ids are ignored); returns the count changed. */
export async function setNotificationsRead(
  db: DbOrTx,
  input: { userId: string; ids: readonly string[]; read: boolean },
): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: input.read ? new Date() : null })
    .where(
      and(
        eq(notifications.userId, input.userId),
        inArray(notifications.id, [...input.ids]),
        input.read ? isNull(notifications.readAt) : isNotNull(notifications.readAt),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
