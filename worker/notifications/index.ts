// The notifications domain's front door: in-app notifications and their emails.
export {
  bookNotifications,
  createNotifications,
  type BookedNotification,
  type NewNotificationInput,
} from "./create-notifications.ts";
export { deliverNotificationEmails, sendDailyDigests } from "./deliver-notification-emails.ts";
export { emailLinksFor } from "./email-links.ts";
export { countUnread } from "./list-notifications.ts";
export { latestFeedPosition, listNotificationsSince, type FeedPosition } from "./list-notifications-since.ts";
export { goLiveMessageSchema, type GoLiveMessage } from "./notify-followers-on-live.ts";
export { runGoLiveFanOut } from "./run-go-live-fan-out.ts";
export { runNotificationJobs } from "./run-notification-jobs.ts";
export { announceGoLive } from "./announce-go-live.ts";
export { crossedBelow, notifyLowBalance } from "./notify-low-balance.ts";
export { notificationHooksFor } from "./notification-hooks.ts";
export { consumeNotifyMessages, type NotifyMessage } from "./notify-consumer.ts";
export { unsubscribeByToken } from "./unsubscribe.ts";
