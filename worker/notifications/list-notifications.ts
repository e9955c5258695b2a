import { and, count, desc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { NotificationPageDto } from "../../contracts/notifications.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { decodeTimeIdCursor, encodeTimeIdCursor } from "../platform/cursor.ts";
import { notificationColumns, toNotificationDto } from "./notification-dto.ts";
import { notifications } from "./notifications.schema.ts";

const visibleTo = (userId: string) => and(eq(notifications.userId, userId), eq(notifications.inApp, true));

export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(visibleTo(userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** A user's in-app notifications, newest first, optionally only read or unread ones. */
export async function listNotifications(
  db: DbOrTx,
  input: { userId: string; read?: boolean | undefined; cursor?: string | undefined; limit: number },
): Promise<NotificationPageDto> {
  const where: (SQL | undefined)[] = [visibleTo(input.userId)];
  if (input.read !== undefined) where.push(input.read ? isNotNull(notifications.readAt) : isNull(notifications.readAt));
  if (input.cursor) {
    const c = decodeTimeIdCursor(input.cursor);
    where.push(
      sql`(${notifications.createdAt} < ${c.t}::timestamptz or (${notifications.createdAt} = ${c.t}::timestamptz and ${notifications.id} < ${c.id}::uuid))`,
    );
  }
  const [rows, unreadCount] = [
    await db
      .select(notificationColumns)
      .from(notifications)
      .where(and(...where))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(input.limit + 1),
    await countUnread(db, input.userId),
  ];
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    notifications: page.map(toNotificationDto),
    nextCursor: rows.length > input.limit && last ? encodeTimeIdCursor(last) : null,
    unreadCount,
  };
}
