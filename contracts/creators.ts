import { z } from "zod";
import { streamPageSchema, streamSchema, streamStatusSchema } from "./streams.ts";

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

/** Where a creator's earnings came from: the reference type of the earnings account's entries. */
export const EARNINGS_SOURCES = ["METERING", "ADJUSTMENT", "REFUND", "PAYMENT"] as const;
export const earningsSourceSchema = z.enum(EARNINGS_SOURCES);
export type EarningsSource = z.infer<typeof earningsSourceSchema>;

/** GET /api/creator/earnings: the creator's CREATOR_EARNINGS account; amounts are credits ("12.500"). */
export const creatorEarningsSchema = z.object({
  /** Everything the earnings account holds: the sum of its ledger entries. */
  total: z.string(),
  /** Debited from viewers, still in the escrow of this creator's viewing sessions (not yet settled). */
  pending: z.string(),
  /** By the UTC month the settlement was booked, oldest first. */
  byMonth: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), amount: z.string() })),
  /** Settled metering earnings by stream, largest first; streamId null for entries that name none. */
  byStream: z.array(z.object({ streamId: z.string().nullable(), title: z.string().nullable(), amount: z.string() })),
  bySource: z.array(z.object({ source: earningsSourceSchema, amount: z.string() })),
});
export type CreatorEarningsDto = z.infer<typeof creatorEarningsSchema>;

/** The longest range GET /api/creator/analytics answers, in days (both ends included). */
export const ANALYTICS_MAX_DAYS = 366;
/** The range when none is given: the last 30 days, today (UTC) included. */
export const ANALYTICS_DEFAULT_DAYS = 30;

/** GET /api/creator/analytics query: ISO dates (UTC days, both included), optional stream of the caller. */
export const creatorAnalyticsQuerySchema = z.object({
  startDate: z.iso.date("startDate must be a date like 2026-12-01").optional(),
  endDate: z.iso.date("endDate must be a date like 2026-12-31").optional(),
  streamId: z.uuid("streamId must be a UUID").optional(),
});
export type CreatorAnalyticsQuery = z.infer<typeof creatorAnalyticsQuerySchema>;

export const creatorAnalyticsSchema = z.object({
  range: z.object({ start: z.iso.date(), end: z.iso.date() }),
  totals: z.object({
    uniqueViewers: z.number().int().nonnegative(),
    /** Billed playback, whole seconds. */
    watchSeconds: z.number().int().nonnegative(),
    /** The creator's settled share (ledger), credits. */
    revenue: z.string(),
    /** Most viewing sessions billed in one minute. */
    peakConcurrent: z.number().int().nonnegative(),
    /** Mean sessions per minute over the minutes with at least one, two decimals. */
    averageConcurrent: z.number().nonnegative(),
  }),
  /** One row per UTC day of the range, zeros included. */
  viewersOverTime: z.array(
    z.object({
      day: z.iso.date(),
      uniqueViewers: z.number().int().nonnegative(),
      watchSeconds: z.number().int().nonnegative(),
    }),
  ),
  /** One row per UTC day of the range, zeros included. */
  revenueOverTime: z.array(z.object({ day: z.iso.date(), amount: z.string() })),
  /** Up to 10 streams, by revenue then watch time. */
  topStreams: z.array(
    z.object({
      streamId: z.string(),
      title: z.string().nullable(),
      watchSeconds: z.number().int().nonnegative(),
      revenue: z.string(),
      uniqueViewers: z.number().int().nonnegative(),
    }),
  ),
});
export type CreatorAnalyticsDto = z.infer<typeof creatorAnalyticsSchema>;

/** GET /api/creator/streams/:id/report path. */
export const streamReportParamsSchema = z.object({ id: z.uuid("id must be a UUID") });

/** GET /api/creator/streams/:id/report: one stream's minute-by-minute report; amounts are credits ("12.500"). */
export const streamReportSchema = z.object({
  stream: z.object({
    id: z.string(),
    title: z.string(),
    status: streamStatusSchema,
    startedAt: z.iso.datetime().nullable(),
    endedAt: z.iso.datetime().nullable(),
  }),
  /** Concurrent viewers: viewing sessions billed in each UTC minute, oldest first, minutes with none left out. */
  minutes: z.array(z.object({ minute: z.iso.datetime(), viewers: z.number().int().nonnegative() })),
  revenue: z.object({
    /** Debited from viewers by the stream's metering ticks (settled or still in escrow). */
    gross: z.string(),
    /** The platform's settled share (the ledger's platform-revenue entries for the stream). */
    platformFee: z.string(),
    /** The creator's settled share (the ledger's creator-earnings entries for the stream). */
    creator: z.string(),
  }),
  /** Chat messages (not deleted) per UTC minute, oldest first, minutes with none left out. */
  chat: z.array(z.object({ minute: z.iso.datetime(), messages: z.number().int().nonnegative() })),
  totals: z.object({
    uniqueViewers: z.number().int().nonnegative(),
    /** Billed playback, whole seconds. */
    watchSeconds: z.number().int().nonnegative(),
    /** Most viewers in one minute. */
    peakViewers: z.number().int().nonnegative(),
  }),
});
export type StreamReportDto = z.infer<typeof streamReportSchema>;
