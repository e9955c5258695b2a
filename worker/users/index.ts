// The users domain's front door: accounts and profiles, for auth and the other domains.
export {
  createUserWithProfile,
  findProfile,
  findUserByEmail,
  findUserById,
  getPublicProfiles,
  markEmailVerified,
  setPasswordHash,
  toPublicUser,
} from "./users.ts";
export type { PublicProfile } from "./users.ts";
export { findCreator, userIdsWithNameMatching, type CreatorAccount } from "./find-creators.ts";
export { updateProfile, type ProfileText } from "./update-profile.ts";
export { setAvatarUrl } from "./set-avatar-url.ts";
export { findUserContacts, listActiveUsersWithRoles, type UserContact } from "./user-contacts.ts";
export { countUsers } from "./count-users.ts";
export { getUserLabels, type UserLabel } from "./get-user-labels.ts";
export { listRecentSignups, type Signup } from "./list-recent-signups.ts";
export type { Role, User, UserStatus } from "./users.schema.ts";
