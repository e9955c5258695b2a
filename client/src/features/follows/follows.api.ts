import { followingListSchema, followStateSchema } from "@contracts/follows.ts";
import { apiFetch, segment } from "../../lib/api/core.ts";

export const followCreator = (creatorId: string) =>
  apiFetch(`/api/creators/${segment(creatorId)}/follow`, { method: "POST", schema: followStateSchema });

export const unfollowCreator = (creatorId: string) =>
  apiFetch(`/api/creators/${segment(creatorId)}/follow`, { method: "DELETE", schema: followStateSchema });

export const listFollowing = (signal?: AbortSignal) =>
  apiFetch("/api/following", { schema: followingListSchema, signal });
