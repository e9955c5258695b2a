import type {
  ChatAllowance,
  ChatGate,
  ChatMessageDto,
  ChatModes,
  ChatRejectCode,
  ChatServerMessage,
} from "@contracts/chat.ts";
import type { z } from "zod";
import type { chatSelfSchema } from "@contracts/chat.ts";
import { REJECT_LABELS } from "./chat-labels.ts";
import { mergeMessages, removeMessages } from "./message-list.ts";

export type ChatSelf = z.infer<typeof chatSelfSchema>;

/** One of the user's own messages not yet acknowledged, or refused. */
export interface PendingMessage {
  clientId: string;
  text: string;
  createdAt: string;
  status: "sending" | "rejected";
  code?: ChatRejectCode | "NOT_SENT";
  reason?: string;
}

export type ChatNotice =
  | { kind: "cleared"; text: string }
  | { kind: "warning"; text: string }
  | { kind: "banned"; text: string }
  | { kind: "error"; text: string };

export interface ChatState {
  you: ChatSelf | null;
  gate: ChatGate | null;
  modes: ChatModes | null;
  allowance: ChatAllowance | null;
  /** Everyone's messages, oldest first, one per id. */
  messages: ChatMessageDto[];
  pending: PendingMessage[];
  notice: ChatNotice | null;
  /** Epoch ms until which sending waits (slow mode, rate limit). */
  cooldownUntil: number | null;
  banned: { reason: string; until?: string } | null;
}

export const initialChatState = (): ChatState => ({
  you: null,
  gate: null,
  modes: null,
  allowance: null,
  messages: [],
  pending: [],
  notice: null,
  cooldownUntil: null,
  banned: null,
});

/** The reason shown under a refused message: the object's words when it gave some. */
export function rejectReason(code: ChatRejectCode, message: string | undefined): string {
  return message?.trim() ? message : REJECT_LABELS[code];
}

/** The state after one frame from the object. Pure: `now` is the receive time (epoch ms). */
export function applyFrame(state: ChatState, frame: ChatServerMessage, now: number): ChatState {
  switch (frame.type) {
    case "welcome":
      return {
        ...state,
        you: frame.you,
        gate: frame.gate,
        modes: frame.modes,
        allowance: frame.allowance,
        messages: mergeMessages(state.messages, frame.history),
        // Whatever was in flight when the last socket dropped never got an answer.
        pending: state.pending.map((p) =>
          p.status === "sending"
            ? { ...p, status: "rejected", code: "NOT_SENT", reason: "Not sent: the connection dropped. Send it again." }
            : p,
        ),
        banned: frame.gate.reason === "BANNED" ? state.banned : null,
      };
    case "message":
      return { ...state, messages: mergeMessages(state.messages, [frame.message]) };
    case "messages":
      return { ...state, messages: mergeMessages(state.messages, frame.messages) };
    case "ack": {
      const pending = state.pending.find((p) => p.clientId === frame.clientId);
      const already = state.messages.some((m) => m.id === frame.messageId);
      const mine: ChatMessageDto[] =
        state.you && !already
          ? [
              {
                id: frame.messageId,
                streamId: state.messages[0]?.streamId ?? "",
                userId: state.you.userId,
                displayName: state.you.displayName,
                avatarUrl: null,
                badge: state.you.badge,
                text: frame.text,
                createdAt: pending?.createdAt ?? new Date(now).toISOString(),
              },
            ]
          : [];
      return {
        ...state,
        allowance: frame.allowance,
        messages: mergeMessages(state.messages, mine),
        pending: state.pending.filter((p) => p.clientId !== frame.clientId),
      };
    }
    case "rejected": {
      const reason = rejectReason(frame.code, frame.message);
      const known = state.pending.some((p) => p.clientId === frame.clientId);
      return {
        ...state,
        allowance: frame.allowance ?? state.allowance,
        cooldownUntil:
          frame.retryAfterMs !== undefined && frame.retryAfterMs > 0 ? now + frame.retryAfterMs : state.cooldownUntil,
        pending: state.pending.map((p) =>
          p.clientId === frame.clientId ? { ...p, status: "rejected", code: frame.code, reason } : p,
        ),
        notice: known ? state.notice : { kind: "error", text: reason },
      };
    }
    case "gate":
      return { ...state, gate: frame.gate };
    case "modes":
      return { ...state, modes: frame.modes };
    case "deleted":
      return { ...state, messages: removeMessages(state.messages, frame.messageIds) };
    case "cleared":
      return { ...state, messages: [], notice: { kind: "cleared", text: "Chat was cleared by a moderator" } };
    case "warning":
      return { ...state, notice: { kind: "warning", text: `A moderator warned you: ${frame.reason}` } };
    case "banned":
      return {
        ...state,
        banned: { reason: frame.reason, ...(frame.until ? { until: frame.until } : {}) },
        gate: { canSend: false, reason: "BANNED", ...(frame.until ? { until: frame.until } : {}) },
        notice: { kind: "banned", text: `You were banned from this chat: ${frame.reason}` },
      };
    case "error":
      return { ...state, notice: { kind: "error", text: frame.message } };
    case "pong":
      return state;
  }
}

/** Adds the user's message as pending, shown dimmed until the object acknowledges it. */
export function addPending(state: ChatState, clientId: string, text: string, now: number): ChatState {
  return {
    ...state,
    pending: [...state.pending, { clientId, text, createdAt: new Date(now).toISOString(), status: "sending" }],
  };
}

export const dismissPending = (state: ChatState, clientId: string): ChatState => ({
  ...state,
  pending: state.pending.filter((p) => p.clientId !== clientId),
});
