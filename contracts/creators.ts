import { z } from "zod";
import { streamPageSchema, streamSchema } from "./streams.ts";

/** GET /api/creators/:id (public): a creator's public profile. */
export const creatorProfileSchema = z.object({
  creator: z.object({
    id: z.string(),
    displayName: z.string(),
    avatarUrl: z.string().nullable(),
    bio: z.string().nullable(),
    followerCount: z.number().int().nonnegative(),
    /** Streams that have gone live at least once. */
    totalStreams: z.number().int().nonnegative(),
    /** Watch time viewers were billed for on this creator's streams, in whole seconds. */
    totalWatchSeconds: z.number().int().nonnegative(),
    /** Whether the signed-in caller follows this creator; null when signed out. */
    following: z.boolean().nullable(),
  }),
  /** The creator's stream that is live (or paused) now, if any. */
  liveStream: streamSchema.nullable(),
  /** Ended streams, newest first; more pages: GET /api/streams/list?status=ended&creatorId=…&cursor=… */
  pastStreams: streamPageSchema,
});
export type CreatorProfileDto = z.infer<typeof creatorProfileSchema>;
