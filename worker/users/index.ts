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
export type { Role, User, UserStatus } from "./users.schema.ts";
