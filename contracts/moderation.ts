/** Values of the moderation enums (the tables import these). */
export const MODERATION_TARGET_TYPES = ["USER", "STREAM", "MESSAGE"] as const;
export const MODERATION_ACTION_TYPES = ["MUTE", "BAN", "DELETE", "WARN"] as const;
export const REPORT_STATUSES = ["OPEN", "RESOLVED", "DISMISSED"] as const;
