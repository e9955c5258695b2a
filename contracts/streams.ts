import { z } from "zod";

/** Values of the stream_status and stream_session_status enums (the tables import these). */
/** REMOVED: taken down by an admin or moderator; final like ENDED, and never listed or watchable. */
export const STREAM_STATUSES = ["SCHEDULED", "LIVE", "PAUSED", "ENDED", "REMOVED"] as const;
export const STREAM_SESSION_STATUSES = ["STARTING", "ACTIVE", "ENDED"] as const;
export const streamStatusSchema = z.enum(STREAM_STATUSES);
export type StreamStatus = z.infer<typeof streamStatusSchema>;

const title = z.string().trim().min(3, "At least 3 characters").max(100, "At most 100 characters");
const description = z.string().trim().max(2000, "At most 2,000 characters");
const thumbnailUrl = z.url({ protocol: /^https?$/, error: "An http(s) URL" }).max(2048);
const categorySlug = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,64}$/, "A category slug");

export const MAX_STREAM_TAGS = 10;
export const MAX_STREAM_TAG_LENGTH = 24;
/** One tag as stored: trimmed, lower-cased, 1–24 characters. */
export const streamTagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "A tag cannot be empty")
  .max(MAX_STREAM_TAG_LENGTH, `A tag has at most ${MAX_STREAM_TAG_LENGTH} characters`);
/** A stream's tags: at most 10; duplicates (after lower-casing) are kept once, in first-seen order. */
export const streamTagsSchema = z
  .array(streamTagSchema)
  .max(MAX_STREAM_TAGS, `At most ${MAX_STREAM_TAGS} tags`)
  .transform((tags) => [...new Set(tags)]);

/** POST /api/streams (creator/admin). */
export const createStreamSchema = z.object({
  title,
  category: categorySlug.optional(),
  description: description.optional(),
  thumbnailUrl: thumbnailUrl.optional(),
  tags: streamTagsSchema.optional(),
});
export type CreateStreamInput = z.infer<typeof createStreamSchema>;

/**
 * PATCH /api/streams/:id (owner). Status may only be set to ENDED by hand: LIVE and PAUSED
 * follow LiveKit (the creator's published track), not a button.
 */
export const updateStreamSchema = z
  .object({
    title: title.optional(),
    category: categorySlug.nullable().optional(),
    description: description.nullable().optional(),
    thumbnailUrl: thumbnailUrl.nullable().optional(),
    tags: streamTagsSchema.optional(),
    status: z.literal("ENDED").optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Nothing to change");
export type UpdateStreamInput = z.infer<typeof updateStreamSchema>;

export const streamCreatorSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
});

export const streamSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  status: streamStatusSchema,
  category: z.object({ slug: z.string(), name: z.string() }).nullable(),
  thumbnailUrl: z.string().nullable(),
  tags: z.array(z.string()),
  creator: streamCreatorSchema,
  /** Viewers with an active paid session right now. */
  viewerCount: z.number().int().nonnegative(),
  /** Credits per minute a viewer pays ("6.000"). */
  ratePerMinute: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type StreamDto = z.infer<typeof streamSchema>;
export const streamEnvelopeSchema = z.object({ stream: streamSchema });

/** What a creator needs to publish: from the browser (token) or from OBS by WHIP. */
export const ingestSchema = z.object({
  livekitUrl: z.string(),
  roomName: z.string(),
  /** WHIP endpoint for OBS (Settings → Stream → Service: WHIP). */
  whipUrl: z.string(),
  /** Bearer token for WHIP: a LiveKit access token with a publish grant. */
  whipToken: z.string(),
  whipTokenExpiresAt: z.string(),
});
export type IngestDto = z.infer<typeof ingestSchema>;
export const createdStreamSchema = z.object({ stream: streamSchema, ingest: ingestSchema });

/** POST /api/streams/:id/token: the creator's publish token for the browser. */
export const publishTokenSchema = z.object({ token: z.string(), livekitUrl: z.string(), roomName: z.string() });

export const listStreamsQuerySchema = z.object({
  status: z.enum(["live", "ended", "all"]).default("live"),
  category: categorySlug.optional(),
  search: z.string().trim().max(100).optional(),
  creatorId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type ListStreamsQuery = z.infer<typeof listStreamsQuerySchema>;
export const streamPageSchema = z.object({ streams: z.array(streamSchema), nextCursor: z.string().nullable() });

/**
 * GET /api/streams/discover (public): `search` matches the title, the creator's display name and
 * the category name, typo-tolerant (pg_trgm). Same order and page shape as /list.
 */
export const discoverStreamsQuerySchema = z.object({
  status: z.enum(["live", "all"]).default("all"),
  category: categorySlug.optional(),
  search: z.string().trim().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type DiscoverStreamsQuery = z.infer<typeof discoverStreamsQuerySchema>;
