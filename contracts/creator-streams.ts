import { z } from "zod";
import { errorCodeSchema } from "./errors.ts";
import { streamStatusSchema } from "./streams.ts";

/** The stream manager's status filter: LIVE includes PAUSED, ENDED includes REMOVED (a takedown). */
export const CREATOR_STREAM_FILTERS = ["all", "LIVE", "SCHEDULED", "ENDED"] as const;
export const CREATOR_STREAM_SORTS = ["date", "title", "duration", "viewers", "revenue", "status"] as const;
export type CreatorStreamSort = (typeof CREATOR_STREAM_SORTS)[number];
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export const CREATOR_STREAMS_MAX_LIMIT = 100;
export const CREATOR_STREAMS_DEFAULT_LIMIT = 20;

/**
 * GET /api/creator/streams. `from`/`to` are UTC days (both included) of the stream's date: when it
 * went live, or when it was created if it never did. `search` matches the title (substring) or a tag
 * (exactly, lower-cased).
 */
export const creatorStreamsQuerySchema = z
  .object({
    status: z.enum(CREATOR_STREAM_FILTERS).default("all"),
    from: z.iso.date("from must be a date like 2026-12-01").optional(),
    to: z.iso.date("to must be a date like 2026-12-31").optional(),
    search: z.string().trim().max(100).optional(),
    sort: z.enum(CREATOR_STREAM_SORTS).default("date"),
    dir: z.enum(SORT_DIRECTIONS).default("desc"),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    limit: z.coerce.number().int().min(1).max(CREATOR_STREAMS_MAX_LIMIT).default(CREATOR_STREAMS_DEFAULT_LIMIT),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] });
export type CreatorStreamsQuery = z.infer<typeof creatorStreamsQuerySchema>;

export const creatorStreamRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  status: streamStatusSchema,
  category: z.object({ slug: z.string(), name: z.string() }).nullable(),
  tags: z.array(z.string()),
  thumbnailUrl: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** From going live to the end (or now, while live); null for a stream that never went live. */
  durationSeconds: z.number().int().nonnegative().nullable(),
  /** Most viewing sessions billed in one minute (the per-stream report's peak). */
  peakViewers: z.number().int().nonnegative(),
  /** Distinct viewers billed at least once. */
  uniqueViewers: z.number().int().nonnegative(),
  /** The creator's settled share from the ledger, in millicredits ("12500" = 12.5 credits). */
  revenueMillicredits: z.string().regex(/^-?\d+$/),
});
export type CreatorStreamRow = z.infer<typeof creatorStreamRowSchema>;

export const creatorStreamsPageSchema = z.object({
  streams: z.array(creatorStreamRowSchema),
  /** Streams matching the filters, over all pages. */
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  limit: z.number().int().positive(),
});
export type CreatorStreamsPage = z.infer<typeof creatorStreamsPageSchema>;

/** DELETE /api/creator/streams/:id: "hard" when the row is gone, "soft" when it stays for the ledger. */
export const deletedStreamSchema = z.object({ id: z.string(), mode: z.enum(["hard", "soft"]) });
export type DeletedStream = z.infer<typeof deletedStreamSchema>;

export const BULK_STREAM_ACTIONS = ["delete", "end"] as const;
export const BULK_STREAMS_MAX = 50;
/** POST /api/creator/streams/bulk: each id is acted on alone and its outcome reported. */
export const bulkStreamActionSchema = z.object({
  action: z.enum(BULK_STREAM_ACTIONS),
  streamIds: z
    .array(z.uuid("Each stream id must be a UUID"))
    .min(1, "Choose at least one stream")
    .max(BULK_STREAMS_MAX, `At most ${BULK_STREAMS_MAX} streams at once`),
});
export type BulkStreamActionInput = z.infer<typeof bulkStreamActionSchema>;

export const bulkStreamResultSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      error: z.object({ code: errorCodeSchema, message: z.string() }).optional(),
    }),
  ),
});
export type BulkStreamResult = z.infer<typeof bulkStreamResultSchema>;
