import type { FollowStateDto } from "@contracts/follows.ts";

/** What the button shows the moment it is pressed, before the server answers. */
export function optimisticFollow(current: FollowStateDto, follow: boolean): FollowStateDto {
  if (current.following === follow) return current;
  return { following: follow, followerCount: Math.max(0, current.followerCount + (follow ? 1 : -1)) };
}

export function followersLabel(count: number): string {
  return `${new Intl.NumberFormat("en").format(count)} ${count === 1 ? "follower" : "followers"}`;
}
