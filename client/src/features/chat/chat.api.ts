import { z } from "zod";
import {
  chatHistorySchema,
  chatModesSchema,
  chatTokenResponseSchema,
  chatterSchema,
  moderationActionDtoSchema,
  type ChatModes,
  type ModerateChatInput,
} from "@contracts/chat.ts";
import { reportDtoSchema, type CreateReportInput } from "@contracts/moderation.ts";
import { apiFetch, patch, post, query, segment, type PageQuery } from "../../lib/api/core.ts";

const base = (streamId: string) => `/api/streams/${segment(streamId)}`;

/** A token for one WebSocket connection (5 minutes): ask for a new one on every (re)connect. */
export const getChatToken = (streamId: string) => post(`${base(streamId)}/chat/token`, chatTokenResponseSchema);

/** Older messages, oldest first; pass `nextCursor` back for the page before. */
export const getChatHistory = (streamId: string, params: PageQuery = {}, signal?: AbortSignal) =>
  apiFetch(`${base(streamId)}/messages${query({ cursor: params.cursor, limit: params.limit })}`, {
    schema: chatHistorySchema,
    signal,
  });

const moderationEnvelope = z.object({ action: moderationActionDtoSchema });
export const moderateChat = (streamId: string, input: ModerateChatInput) =>
  post(`${base(streamId)}/moderate`, moderationEnvelope, input);

const actionsEnvelope = z.object({ actions: z.array(moderationActionDtoSchema) });
export const getModerationActions = (streamId: string, signal?: AbortSignal) =>
  apiFetch(`${base(streamId)}/moderation`, { schema: actionsEnvelope, signal });

const chattersEnvelope = z.object({ chatters: z.array(chatterSchema) });
export const getChatters = (streamId: string, signal?: AbortSignal) =>
  apiFetch(`${base(streamId)}/chat/chatters`, { schema: chattersEnvelope, signal });

export const getChatModes = (streamId: string, signal?: AbortSignal) =>
  apiFetch(`${base(streamId)}/chat/modes`, { schema: chatModesSchema, signal });

export const updateChatModes = (streamId: string, modes: Partial<ChatModes>) =>
  patch(`${base(streamId)}/chat/modes`, chatModesSchema, modes);

/** Reports a message to the admins (a second report of the same message is merged). */
export const reportMessage = (messageId: string, input: Pick<CreateReportInput, "reason" | "description">) =>
  post("/api/reports", reportDtoSchema, { targetType: "MESSAGE", targetId: messageId, ...input });
