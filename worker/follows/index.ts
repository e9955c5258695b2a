// The follows domain's front door: who follows which creator.
export { isFollowing } from "./is-following.ts";
export { countFollowers, setFollowing, type FollowState } from "./follow-creator.ts";
export { listFollowing } from "./list-following.ts";
