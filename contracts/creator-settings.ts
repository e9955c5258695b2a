import { z } from "zod";
import { streamTagsSchema } from "./streams.ts";

/** Values of creator_settings.default_quality: what the browser publisher captures and sends. */
export const STREAM_QUALITIES = ["auto", "1080p", "720p", "480p"] as const;
export const streamQualitySchema = z.enum(STREAM_QUALITIES);
export type StreamQuality = z.infer<typeof streamQualitySchema>;

export const MAX_BIO_LENGTH = 500;

/** GET /api/creator/settings: the creator's public profile and the defaults of a new stream. */
export const creatorSettingsSchema = z.object({
  profile: z.object({
    displayName: z.string(),
    bio: z.string().nullable(),
    avatarUrl: z.string().nullable(),
  }),
  defaults: z.object({
    categoryId: z.string().nullable(),
    tags: z.array(z.string()),
    quality: streamQualitySchema,
  }),
});
export type CreatorSettingsDto = z.infer<typeof creatorSettingsSchema>;

/**
 * PUT /api/creator/settings: the whole of both sections (the avatar has its own upload). An empty
 * bio clears it; an unknown category is 404 CATEGORY_NOT_FOUND.
 */
export const updateCreatorSettingsSchema = z
  .object({
    profile: z
      .object({
        displayName: z.string().trim().min(2, "At least 2 characters").max(50, "At most 50 characters"),
        bio: z.string().trim().max(MAX_BIO_LENGTH, `At most ${MAX_BIO_LENGTH} characters`),
      })
      .strict(),
    defaults: z
      .object({
        categoryId: z.uuid("Choose a category from the list").nullable(),
        tags: streamTagsSchema,
        quality: streamQualitySchema,
      })
      .strict(),
  })
  .strict();
export type UpdateCreatorSettingsInput = z.infer<typeof updateCreatorSettingsSchema>;
