import { z } from "zod";

/** POST and DELETE /api/creators/:id/follow: the state after the call (both idempotent). */
export const followStateSchema = z.object({
  following: z.boolean(),
  followerCount: z.number().int().nonnegative(),
});
export type FollowStateDto = z.infer<typeof followStateSchema>;

/** One followed creator in GET /api/following; `live` is their current stream, if any. */
export const followedCreatorSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
  followedAt: z.string(),
  live: z
    .object({
      streamId: z.string(),
      title: z.string(),
      viewerCount: z.number().int().nonnegative(),
    })
    .nullable(),
});
export type FollowedCreatorDto = z.infer<typeof followedCreatorSchema>;

/** GET /api/following: creators who are live first, then the rest; each group by name. */
export const followingListSchema = z.object({ creators: z.array(followedCreatorSchema) });
export type FollowingListDto = z.infer<typeof followingListSchema>;
