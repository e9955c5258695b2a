/** Values of the notification_type enum (the table imports these). */
export const NOTIFICATION_TYPES = [
  "STREAM_LIVE",
  "NEW_FOLLOWER",
  "PAYMENT",
  "LOW_BALANCE",
  "MODERATION",
  "SYSTEM",
] as const;
