// The notifications domain's front door: in-app notifications for users.
export { createNotifications, type NewNotificationInput } from "./create-notifications.ts";
