import type { NotificationDto } from "../../contracts/notifications.ts";
import type { Notification } from "./notifications.schema.ts";

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
