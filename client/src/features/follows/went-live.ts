import type { FollowedCreatorDto } from "@contracts/follows.ts";

/** Creators live in `now` who were not live in `before`: the page tells the viewer about them. */
export function newlyLive(
  before: readonly FollowedCreatorDto[],
  now: readonly FollowedCreatorDto[],
): FollowedCreatorDto[] {
  const wasLive = new Set(before.filter((c) => c.live).map((c) => c.id));
  return now.filter((c) => c.live && !wasLive.has(c.id));
}
