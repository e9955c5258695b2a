import { sql } from "drizzle-orm";
import type { NotificationDto } from "../../contracts/notifications.ts";
import { type Notification, notifications } from "./notifications.schema.ts";

export const toNotificationDto = (
  n: Pick<Notification, "id" | "type" | "title" | "body" | "link" | "metadata" | "readAt" | "createdAt">,
): NotificationDto => ({
  id: n.id,
  type: n.type,
  title: n.title,
  message: n.body,
  link: n.link,
  metadata: n.metadata,
  read: n.readAt !== null,
  createdAt: n.createdAt.toISOString(),
});

/** What a page of notifications selects: the DTO's columns and created_at as Postgres prints it (keysets). */
export const notificationColumns = {
  id: notifications.id,
  type: notifications.type,
  title: notifications.title,
  body: notifications.body,
  link: notifications.link,
  metadata: notifications.metadata,
  readAt: notifications.readAt,
  createdAt: notifications.createdAt,
  at: sql<string>`${notifications.createdAt}::text`,
};
