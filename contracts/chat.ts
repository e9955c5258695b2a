import { z } from "zod";

/** Limits every sender meets (the object enforces them; the page shows them). */
export const CHAT_MAX_GRAPHEMES = 200;
export const CHAT_RATE_LIMIT = 10;
export const CHAT_RATE_WINDOW_MS = 30_000;
/** How long the object trusts a sender's balance, ban and mute state before reading them again. */
export const CHAT_GATE_RECHECK_MS = 10_000;
export const CHAT_HISTORY_ON_CONNECT = 50;
export const CHAT_TOKEN_TTL_SECONDS = 5 * 60;

/** Badge shown beside a name: the stream's own creator is the BROADCASTER. */
export const CHAT_BADGES = ["BROADCASTER", "ADMIN", "MODERATOR", "CREATOR", "VIEWER"] as const;
export const chatBadgeSchema = z.enum(CHAT_BADGES);
export type ChatBadge = z.infer<typeof chatBadgeSchema>;

/** Why a connected user cannot send at all (the gate prompt says which). */
export const CHAT_GATE_REASONS = [
  "NO_CREDIT",
  "BANNED",
  "MUTED",
  "FOLLOWERS_ONLY",
  "EMAIL_UNVERIFIED",
  "STREAM_ENDED",
] as const;
export const chatGateReasonSchema = z.enum(CHAT_GATE_REASONS);
export type ChatGateReason = z.infer<typeof chatGateReasonSchema>;

/** Why one message was refused (the gate reasons, plus the per-message rules). */
export const CHAT_REJECT_CODES = [
  ...CHAT_GATE_REASONS,
  "RATE_LIMITED",
  "SLOW_MODE",
  "EMPTY",
  "TOO_LONG",
  "PROFANITY",
  "BLOCKED_WORD",
  "LINK_BLOCKED",
  "SPAM",
  /** The object could not check the message (its database is slow or away): send it again. */
  "UNAVAILABLE",
] as const;
export const chatRejectCodeSchema = z.enum(CHAT_REJECT_CODES);
export type ChatRejectCode = z.infer<typeof chatRejectCodeSchema>;

/** One chat message as every client sees it (history and live frames). */
export const chatMessageSchema = z.object({
  id: z.string(),
  streamId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
  badge: chatBadgeSchema,
  text: z.string(),
  createdAt: z.string(),
});
export type ChatMessageDto = z.infer<typeof chatMessageSchema>;

/** The creator's modes for one stream's chat. */
export const chatModesSchema = z.object({
  /** One message per N seconds per sender; 0 = off. */
  slowModeSeconds: z.number().int().min(0).max(600),
  /** Only followers of the creator may send. */
  followersOnly: z.boolean(),
  /** Only viewers with credit (balance ≥ 1 credit) may send; on by default, the creator may open chat to everyone signed in. */
  creditOnly: z.boolean(),
});
export type ChatModes = z.infer<typeof chatModesSchema>;
export const DEFAULT_CHAT_MODES: ChatModes = { slowModeSeconds: 0, followersOnly: false, creditOnly: true };
export const chatModesPatchSchema = chatModesSchema.partial().refine((v) => Object.keys(v).length > 0, {
  message: "Give at least one mode to change",
});

/** The admin's auto-moderation settings (GET|PUT /api/admin/chat-settings). */
export const PROFANITY_MODES = ["off", "mask", "block"] as const;
const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "Not a domain name (example.com)");
export const autoModSettingsSchema = z.object({
  profanity: z.enum(PROFANITY_MODES),
  spamBlocking: z.boolean(),
  linkBlocking: z.boolean(),
  /** Links to these domains (and their subdomains) pass when link blocking is on. */
  allowedDomains: z.array(domainSchema).max(100),
  /** Blocked words or phrases, matched case-insensitively on word boundaries. */
  customWords: z.array(z.string().trim().toLowerCase().min(1).max(50)).max(500),
});
export type AutoModSettings = z.infer<typeof autoModSettingsSchema>;
export const DEFAULT_AUTO_MOD: AutoModSettings = {
  profanity: "mask",
  spamBlocking: true,
  linkBlocking: true,
  allowedDomains: [],
  customWords: [],
};

/** What a connected user may do right now. */
export const chatGateSchema = z.object({
  canSend: z.boolean(),
  reason: chatGateReasonSchema.optional(),
  /** ISO time a temporary mute or ban ends. */
  until: z.string().optional(),
});
export type ChatGate = z.infer<typeof chatGateSchema>;

export const chatAllowanceSchema = z.object({
  remaining: z.number().int().min(0),
  limit: z.number().int().positive(),
  /** Milliseconds until the oldest counted message leaves the window. */
  resetInMs: z.number().int().min(0),
});
export type ChatAllowance = z.infer<typeof chatAllowanceSchema>;

// ---- WebSocket frames: client → object ----

export const chatClientMessageSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("send"),
    // Generous: an over-long message is answered TOO_LONG (with its clientId), not refused as a bad frame.
    text: z.string().max(16_000),
    /** Echoed in the ack or rejection so the page can match its pending message. */
    clientId: z.string().max(64).optional(),
  }),
  z.object({ type: z.literal("ping") }),
]);
export type ChatClientMessage = z.infer<typeof chatClientMessageSchema>;

// ---- WebSocket frames: object → client ----

export const chatSelfSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  badge: chatBadgeSchema,
  canModerate: z.boolean(),
});

export const chatServerMessageSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("welcome"),
    you: chatSelfSchema,
    gate: chatGateSchema,
    modes: chatModesSchema,
    allowance: chatAllowanceSchema,
    /** The latest messages, oldest first: a reconnecting page merges them by id. */
    history: z.array(chatMessageSchema),
  }),
  z.object({ type: z.literal("message"), message: chatMessageSchema }),
  /** Several messages accepted within a few milliseconds of each other, oldest first. */
  z.object({ type: z.literal("messages"), messages: z.array(chatMessageSchema) }),
  z.object({
    type: z.literal("ack"),
    clientId: z.string().optional(),
    messageId: z.string(),
    /** The text as stored (profanity masked). */
    text: z.string(),
    allowance: chatAllowanceSchema,
  }),
  z.object({
    type: z.literal("rejected"),
    clientId: z.string().optional(),
    code: chatRejectCodeSchema,
    message: z.string(),
    retryAfterMs: z.number().int().min(0).optional(),
    allowance: chatAllowanceSchema.optional(),
  }),
  z.object({ type: z.literal("gate"), gate: chatGateSchema }),
  z.object({ type: z.literal("modes"), modes: chatModesSchema }),
  z.object({ type: z.literal("deleted"), messageIds: z.array(z.string()) }),
  z.object({ type: z.literal("cleared") }),
  z.object({ type: z.literal("warning"), reason: z.string() }),
  /** Sent just before the object closes a banned user's sockets (close code 4003). */
  z.object({ type: z.literal("banned"), reason: z.string(), until: z.string().optional() }),
  z.object({ type: z.literal("pong") }),
  z.object({ type: z.literal("error"), code: z.string(), message: z.string() }),
]);
export type ChatServerMessage = z.infer<typeof chatServerMessageSchema>;
export const CHAT_CLOSE_BANNED = 4003;
export const CHAT_CLOSE_STREAM_ENDED = 4004;

// ---- HTTP ----

/** POST /api/streams/:id/chat/token. */
export const chatTokenResponseSchema = z.object({
  token: z.string(),
  canChat: z.boolean(),
  reason: chatGateReasonSchema.optional(),
  expiresAt: z.string(),
  /** Path of the WebSocket, token included. */
  socketPath: z.string(),
});
export type ChatTokenResponse = z.infer<typeof chatTokenResponseSchema>;

/** GET /api/streams/:id/messages?cursor&limit&after. */
export const chatHistoryQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(100),
});
export const chatHistorySchema = z.object({
  messages: z.array(chatMessageSchema),
  /** Pass as cursor to get older messages; null when there are none. */
  nextCursor: z.string().nullable(),
});
export type ChatHistoryDto = z.infer<typeof chatHistorySchema>;

/** POST /api/streams/:id/moderate. */
export const CHAT_MODERATION_ACTIONS = ["mute", "ban", "delete", "warn", "clear"] as const;
export const moderateChatSchema = z
  .object({
    action: z.enum(CHAT_MODERATION_ACTIONS),
    targetUserId: z.uuid("The target user id must be a UUID").optional(),
    messageId: z.uuid("The message id must be a UUID").optional(),
    /** Seconds; mute needs one (max 7 days), a ban without one is permanent. */
    duration: z
      .number()
      .int()
      .min(10)
      .max(365 * 24 * 3600)
      .optional(),
    reason: z.string().trim().min(1, "Give a reason").max(500),
  })
  .superRefine((v, ctx) => {
    if ((v.action === "mute" || v.action === "ban" || v.action === "warn") && !v.targetUserId) {
      ctx.addIssue({ code: "custom", path: ["targetUserId"], message: `${v.action} needs a targetUserId` });
    }
    if (v.action === "delete" && !v.messageId) {
      ctx.addIssue({ code: "custom", path: ["messageId"], message: "delete needs a messageId" });
    }
    if (v.action === "mute" && (v.duration === undefined || v.duration > 7 * 24 * 3600)) {
      ctx.addIssue({ code: "custom", path: ["duration"], message: "A mute needs a duration of at most 7 days" });
    }
  });
export type ModerateChatInput = z.infer<typeof moderateChatSchema>;

export const moderationActionDtoSchema = z.object({
  id: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  targetName: z.string().nullable(),
  reason: z.string().nullable(),
  actorId: z.string(),
  actorName: z.string().nullable(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ModerationActionDto = z.infer<typeof moderationActionDtoSchema>;

/** GET /api/streams/:id/chat/chatters (moderators): who is connected now. */
export const chatterSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  badge: chatBadgeSchema,
  sockets: z.number().int().positive(),
});
export type ChatterDto = z.infer<typeof chatterSchema>;
