import { z } from "zod";

/** Values of the viewing_session_status enum (the table imports these). */
export const VIEWING_SESSION_STATUSES = ["ACTIVE", "EXHAUSTED", "ENDED"] as const;
export const viewingSessionStatusSchema = z.enum(VIEWING_SESSION_STATUSES);
export type ViewingSessionStatus = z.infer<typeof viewingSessionStatusSchema>;

/** Why a viewing session ended; sent to the page so it can say why the video stopped. */
export const SESSION_END_REASONS = [
  "exhausted",
  "viewer_left",
  "stream_ended",
  "ticks_stopped",
  "removed",
  "replaced",
  /** The stream was taken down by an admin or moderator. */
  "stream_removed",
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** POST /api/streams/:id/session → a paid viewing session and its subscribe-only token. */
export const viewingSessionSchema = z.object({
  sessionId: z.string(),
  streamId: z.string(),
  /** Credits per minute ("6.000" = 1 credit per 10 s). */
  meteringRate: z.string(),
  /** Balance needed to start, in credits (one interval's price, or the configured minimum). */
  minimumBalance: z.string(),
  /** Length of one billed interval; the page ticks once per interval. */
  intervalMs: z.number().int().positive(),
  remainingCredits: z.string(),
  token: z.string(),
  livekitUrl: z.string(),
  roomName: z.string(),
  /** The LiveKit identity of this viewing: one per session, so a removal hits exactly it. */
  identity: z.string(),
  /** Path of the WebSocket the page may tick over instead of POST /api/meter. */
  meterSocketPath: z.string(),
});
export type ViewingSessionDto = z.infer<typeof viewingSessionSchema>;

/** POST /api/meter. */
export const meterTickSchema = z.object({
  streamId: z.uuid(),
  sessionId: z.uuid(),
  intervalIndex: z.number().int().min(0).max(1_000_000),
  playbackMs: z.number().int().min(0).max(3_600_000),
});
export type MeterTickInput = z.infer<typeof meterTickSchema>;

/** 200 (booked) and the body of a 409 replay of a booked interval. */
export const meterResultSchema = z.object({
  success: z.boolean(),
  intervalIndex: z.number().int(),
  /** Credits debited for this interval ("1.000"). */
  debited: z.string(),
  remainingCredits: z.string(),
  /** Milliseconds until the next tick is accepted. */
  nextAllowedMs: z.number().int().nonnegative(),
  message: z.string().optional(),
});
export type MeterResultDto = z.infer<typeof meterResultSchema>;

/** Frames of the metering WebSocket (GET /api/meter/socket?sessionId=…): same rules as POST /api/meter. */
export const meterClientMessageSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("tick"),
    intervalIndex: meterTickSchema.shape.intervalIndex,
    playbackMs: meterTickSchema.shape.playbackMs,
  }),
  z.object({ type: z.literal("end") }),
]);
export type MeterClientMessage = z.infer<typeof meterClientMessageSchema>;

export const meterServerMessageSchema = z.discriminatedUnion("type", [
  /** The answer to one tick: the HTTP status POST /api/meter would give, and its body. */
  z.object({
    type: z.literal("tick_result"),
    intervalIndex: z.number().int(),
    status: z.number().int(),
    result: meterResultSchema.optional(),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).optional(),
  }),
  z.object({ type: z.literal("ended"), reason: z.enum(SESSION_END_REASONS) }),
  z.object({ type: z.literal("error"), code: z.string(), message: z.string() }),
]);
export type MeterServerMessage = z.infer<typeof meterServerMessageSchema>;

/** GET/PUT /api/admin/metering-config: rates in credits per minute. */
export const meteringConfigSchema = z.object({
  defaultRatePerMinute: z.string(),
  minimumBalance: z.string(),
  categoryRates: z.array(z.object({ category: z.string(), ratePerMinute: z.string() })),
});
export type MeteringConfigDto = z.infer<typeof meteringConfigSchema>;

export const meteringStatsQuerySchema = z.object({
  startDate: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  endDate: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  streamId: z.uuid().optional(),
});

export const meteringStatsSchema = z.object({
  totalDebited: z.string(),
  uniqueViewers: z.number().int(),
  sessions: z.number().int(),
  averageWatchSeconds: z.number(),
  creatorEarnings: z.string(),
  platformRevenue: z.string(),
});
