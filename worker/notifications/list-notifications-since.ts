import { and, desc, eq, sql } from "drizzle-orm";
import type { NotificationDto } from "../../contracts/notifications.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { notificationColumns, toNotificationDto } from "./notification-dto.ts";
import { notifications } from "./notifications.schema.ts";

/** Where a live feed stands: the newest notification it has seen, as Postgres prints its time. */
export interface FeedPosition {
  at: string;
  id: string;
}

const EPOCH: FeedPosition = { at: "1970-01-01 00:00:00+00", id: "00000000-0000-0000-0000-000000000000" };

/** The user's newest in-app notification: a feed that opens now starts after it. */
export async function latestFeedPosition(db: DbOrTx, userId: string): Promise<FeedPosition> {
  const [row] = await db
    .select({ at: sql<string>`${notifications.createdAt}::text`, id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.inApp, true)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(1);
  return row ?? EPOCH;
}

/** In-app notifications booked after a feed position, oldest first (the order they arrived). */
export async function listNotificationsSince(
  db: DbOrTx,
  input: { userId: string; after: FeedPosition; limit: number },
): Promise<{ notifications: NotificationDto[]; position: FeedPosition }> {
  const rows = await db
    .select(notificationColumns)
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, input.userId),
        eq(notifications.inApp, true),
        sql`(${notifications.createdAt}, ${notifications.id}) > (${input.after.at}::timestamptz, ${input.after.id}::uuid)`,
      ),
    )
    .orderBy(notifications.createdAt, notifications.id)
    .limit(input.limit);
  const last = rows.at(-1);
  return {
    notifications: rows.map(toNotificationDto),
    position: last ? { at: last.at, id: last.id } : input.after,
  };
}
