// The follows domain's front door: who follows which creator.
export { isFollowing } from "./is-following.ts";
