import { pgEnum } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["VIEWER", "CREATOR", "MODERATOR", "ADMIN"]);
export const userStatusEnum = pgEnum("user_status", ["ACTIVE", "SUSPENDED", "DELETED"]);
export const streamStatusEnum = pgEnum("stream_status", ["SCHEDULED", "LIVE", "PAUSED", "ENDED"]);
export const streamSessionStatusEnum = pgEnum("stream_session_status", ["STARTING", "ACTIVE", "ENDED"]);
export const walletKindEnum = pgEnum("wallet_kind", [
  "USER",
  "CREATOR_EARNINGS",
  "PLATFORM_REVENUE",
  "PROVIDER_CLEARING",
]);
export const ledgerEntryTypeEnum = pgEnum("ledger_entry_type", ["DEPOSIT", "DEBIT", "REFUND", "ADJUSTMENT"]);
export const referenceTypeEnum = pgEnum("reference_type", ["PAYMENT", "METER_EVENT", "REFUND", "ADMIN"]);
export const paymentProviderEnum = pgEnum("payment_provider", ["STRIPE", "COINBASE"]);
export const paymentStatusEnum = pgEnum("payment_status", ["PENDING", "SUCCEEDED", "FAILED", "REFUNDED"]);
export const webhookEventStatusEnum = pgEnum("webhook_event_status", ["RECEIVED", "PROCESSED", "IGNORED", "FAILED"]);
export const moderationTargetEnum = pgEnum("moderation_target_type", ["USER", "STREAM", "MESSAGE"]);
export const moderationActionEnum = pgEnum("moderation_action_type", ["MUTE", "BAN", "DELETE", "WARN"]);
export const reportStatusEnum = pgEnum("report_status", ["OPEN", "RESOLVED", "DISMISSED"]);
export const emailTokenPurposeEnum = pgEnum("email_token_purpose", ["VERIFY_EMAIL", "RESET_PASSWORD"]);
export const notificationTypeEnum = pgEnum("notification_type", [
  "STREAM_LIVE",
  "NEW_FOLLOWER",
  "PAYMENT",
  "LOW_BALANCE",
  "MODERATION",
  "SYSTEM",
]);

export type Role = (typeof roleEnum.enumValues)[number];
export type UserStatus = (typeof userStatusEnum.enumValues)[number];
export type LedgerEntryType = (typeof ledgerEntryTypeEnum.enumValues)[number];
export type ReferenceType = (typeof referenceTypeEnum.enumValues)[number];
export type WalletKind = (typeof walletKindEnum.enumValues)[number];
export type PaymentProvider = (typeof paymentProviderEnum.enumValues)[number];
export type PaymentStatus = (typeof paymentStatusEnum.enumValues)[number];
