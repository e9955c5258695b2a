/** Values of the stream_status and stream_session_status enums (the tables import these). */
export const STREAM_STATUSES = ["SCHEDULED", "LIVE", "PAUSED", "ENDED"] as const;
export const STREAM_SESSION_STATUSES = ["STARTING", "ACTIVE", "ENDED"] as const;
