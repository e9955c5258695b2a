// The moderation domain's front door: bans and mutes in force, the action record, reports.
export { checkStreamRestricted, streamRestrictedError, type StreamRestriction } from "./check-stream-restricted.ts";
export { createReport } from "./create-report.ts";
export { listStreamModerationActions } from "./list-moderation-actions.ts";
export { recordModerationAction, type RecordModerationActionInput } from "./record-moderation-action.ts";
export {
  activeRestrictions,
  activeRestrictionsOf,
  checkUserBanned,
  checkUserMuted,
  type Restriction,
  type UserRestrictions,
} from "./user-restrictions.ts";
export { isInForce } from "./restriction-rules.ts";
export type { ModerationAction } from "./moderation.schema.ts";
