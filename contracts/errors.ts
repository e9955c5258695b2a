import { z } from "zod";

/** Every error code the API answers with; AppError accepts only these. */
export const ERROR_CODES = [
  // platform
  "BAD_REQUEST",
  "VALIDATION_FAILED",
  "MALFORMED_JSON",
  "INVALID_CURSOR",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "NOT_FOUND",
  "REQUEST_FAILED",
  "RATE_LIMITED",
  "CSRF_REJECTED",
  "SERVICE_UNAVAILABLE",
  "MISCONFIGURED",
  "INTERNAL",
  "EMAIL_FAILED",
  // auth
  "UNAUTHORIZED",
  "FORBIDDEN",
  "TOKEN_EXPIRED",
  "SESSION_EXPIRED",
  "SESSION_REVOKED",
  "REFRESH_TOKEN_REUSED",
  "INVALID_CREDENTIALS",
  "ACCOUNT_SUSPENDED",
  "EMAIL_NOT_VERIFIED",
  "EMAIL_TAKEN",
  "RESET_TOKEN_EXPIRED",
  "RESET_TOKEN_USED",
  "RESET_TOKEN_INVALID",
  // users
  "CANNOT_DEMOTE_SELF",
  "CANNOT_DELETE_SELF",
  "LAST_ADMIN",
  // wallet
  "INSUFFICIENT_CREDITS",
  // prices
  "PRODUCT_CODE_TAKEN",
  "PRICE_NOT_FOUND",
  // payments
  "CURRENCY_NOT_SUPPORTED",
  "INVALID_EVENT",
  "INVALID_SIGNATURE",
  "NOT_A_DEV_CHECKOUT",
  "NOT_REFUNDABLE",
  "REFUND_TOO_LARGE",
  "PAYMENTS_UNAVAILABLE",
  "PAYMENT_MISMATCH",
  "PAYMENT_NOT_FOUND",
  "PAYMENT_PROVIDER_ERROR",
  "IDEMPOTENCY_KEY_REUSED",
  "WEBHOOK_IN_PROGRESS",
  "WEBHOOK_RETRY",
  // streams
  "LIVEKIT_NOT_CONFIGURED",
  "LIVEKIT_UNAVAILABLE",
  "INVALID_TRANSITION",
  "STREAM_NOT_LIVE",
  "CATEGORY_NOT_FOUND",
  "STREAM_REMOVED",
  "STREAM_IS_LIVE",
  // chat and moderation
  "CHAT_TOKEN_INVALID",
  "CANNOT_MODERATE_SELF",
  "CANNOT_MODERATE_STAFF",
  "REPORT_ALREADY_REVIEWED",
  "ACTION_NOT_APPLICABLE",
  "BAN_NOT_ACTIVE",
  "APPEAL_EXISTS",
  "APPEAL_NOT_ALLOWED",
  "APPEAL_ALREADY_DECIDED",
  "USER_BANNED",
  // notifications
  "UNSUBSCRIBE_TOKEN_INVALID",
  // follows
  "CANNOT_FOLLOW_SELF",
  // uploads
  "INVALID_IMAGE",
  "IMAGE_DIMENSIONS",
  // metering
  "SESSION_NOT_ACTIVE",
  "INTERVAL_ALREADY_BOOKED",
  "INTERVAL_GAP",
  "TICK_TOO_EARLY",
  "PLAYBACK_OUT_OF_RANGE",
  "BILLED_TIME_EXCEEDED",
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The one error body of the API: `{ error: { code, message, details? } }`. */
export const errorBodySchema = z.object({
  error: z.object({ code: errorCodeSchema, message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
