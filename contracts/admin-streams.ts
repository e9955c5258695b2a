import { z } from "zod";
import { moderationActionDtoSchema } from "./chat.ts";
import { STREAM_STATUSES, streamStatusSchema } from "./streams.ts";

/** A day like 2026-12-01 (UTC), both ends of a range included. */
const day = (name: string) => z.iso.date(`${name} must be a date like 2026-12-01`);

/** GET /api/admin/streams: every stream, removed ones included, newest first; live ones first. */
export const adminStreamsQuerySchema = z
  .object({
    status: z.enum(STREAM_STATUSES).optional(),
    /** The creator's id, or part of their display name. */
    creator: z.string().trim().min(1).max(100).optional(),
    /** Part of the title. */
    search: z.string().trim().max(100).optional(),
    /** Streams that started (or, never started, were created) on or after this day … */
    from: day("from").optional(),
    /** … and on or before this day. */
    to: day("to").optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] });
export type AdminStreamsQuery = z.infer<typeof adminStreamsQuerySchema>;

export const adminStreamRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: streamStatusSchema,
  creator: z.object({ id: z.string(), displayName: z.string() }),
  /** Viewers with an active paid session now (0 once it is over). */
  viewerCount: z.number().int().nonnegative(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  createdAt: z.string(),
  /** From the start to the end, or to now while it runs; null if it never started. */
  durationSeconds: z.number().int().nonnegative().nullable(),
  /** Credits viewers were debited for it so far (escrow not yet settled included). */
  revenue: z.string(),
  uniqueViewers: z.number().int().nonnegative(),
  /** Billed playback, whole seconds. */
  watchSeconds: z.number().int().nonnegative(),
});
export type AdminStreamRow = z.infer<typeof adminStreamRowSchema>;

export const adminStreamPageSchema = z.object({
  streams: z.array(adminStreamRowSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  limit: z.number().int().positive(),
});
export type AdminStreamPage = z.infer<typeof adminStreamPageSchema>;

export const STREAM_TIMELINE_KINDS = ["created", "live", "offline", "ended", "removed"] as const;

/** GET /api/admin/streams/:id. */
export const adminStreamDetailSchema = z.object({
  stream: adminStreamRowSchema,
  /** What happened to it, oldest first: created, each live period's start and stop, the end or takedown. */
  timeline: z.array(z.object({ kind: z.enum(STREAM_TIMELINE_KINDS), at: z.string() })),
  viewers: z.object({
    now: z.number().int().nonnegative(),
    unique: z.number().int().nonnegative(),
    /** Most viewing sessions open at the same instant. */
    peak: z.number().int().nonnegative(),
    sessions: z.number().int().nonnegative(),
  }),
  revenue: z.object({
    /** Debited from viewers (credits). */
    gross: z.string(),
    /** Settled to the platform and to the creator so far; gross minus both is still in escrow. */
    platformFee: z.string(),
    creator: z.string(),
    unsettled: z.string(),
  }),
  moderation: z.array(moderationActionDtoSchema),
});
export type AdminStreamDetail = z.infer<typeof adminStreamDetailSchema>;

export const TAKEDOWN_REASON_MAX = 500;
/** POST /api/admin/streams/:id/takedown. */
export const takedownStreamSchema = z.object({
  reason: z.string().trim().min(3, "Say why (at least 3 characters)").max(TAKEDOWN_REASON_MAX),
});
export const takedownResultSchema = z.object({
  stream: adminStreamRowSchema,
  moderationActionId: z.string().nullable(),
  alreadyRemoved: z.boolean(),
});
export type TakedownResult = z.infer<typeof takedownResultSchema>;

/** GET /api/admin/analytics/* range: UTC days, both included (the last 30 days by default). */
export const adminAnalyticsRangeSchema = z.object({
  startDate: day("startDate").optional(),
  endDate: day("endDate").optional(),
});

/** GET /api/admin/analytics/streams. */
export const streamAnalyticsSchema = z.object({
  range: z.object({ start: z.iso.date(), end: z.iso.date() }),
  totals: z.object({
    /** Streams that went live in the range. */
    streams: z.number().int().nonnegative(),
    /** Mean length of those streams (to now for one still running), whole seconds. */
    averageDurationSeconds: z.number().int().nonnegative(),
    /** Most viewing sessions open at the same instant in the range, over all streams. */
    peakConcurrentViewers: z.number().int().nonnegative(),
    /** Billed playback in the range, whole seconds. */
    watchSeconds: z.number().int().nonnegative(),
    uniqueViewers: z.number().int().nonnegative(),
  }),
  /** One row per UTC day of the range, zeros included. */
  days: z.array(
    z.object({
      day: z.iso.date(),
      streams: z.number().int().nonnegative(),
      watchSeconds: z.number().int().nonnegative(),
    }),
  ),
});
export type StreamAnalytics = z.infer<typeof streamAnalyticsSchema>;
