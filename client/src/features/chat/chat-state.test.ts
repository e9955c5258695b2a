import { describe, expect, it } from "vitest";
import type { ChatMessageDto, ChatServerMessage } from "@contracts/chat.ts";
import { addPending, applyFrame, initialChatState, type ChatState } from "./chat-state.ts";

const msg = (id: string, second: number, userId = "other"): ChatMessageDto => ({
  id,
  streamId: "s1",
  userId,
  displayName: userId,
  avatarUrl: null,
  badge: "VIEWER",
  text: `text ${id}`,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString(),
});
const allowance = { remaining: 9, limit: 10, resetInMs: 30_000 };
const welcome = (history: ChatMessageDto[]): ChatServerMessage => ({
  type: "welcome",
  you: { userId: "me", displayName: "Me", badge: "VIEWER", canModerate: false },
  gate: { canSend: true },
  modes: { slowModeSeconds: 0, followersOnly: false, creditOnly: true },
  allowance,
  history,
});
const apply = (state: ChatState, ...frames: ChatServerMessage[]) =>
  frames.reduce((s, f) => applyFrame(s, f, 1_000), state);

describe("applyFrame", () => {
  it("merges a reconnect's welcome history without duplicates", () => {
    let state = apply(initialChatState(), welcome([msg("a", 1), msg("b", 2)]), {
      type: "message",
      message: msg("c", 3),
    });
    state = apply(state, welcome([msg("b", 2), msg("c", 3), msg("d", 4)]));
    expect(state.messages.map((m) => m.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("merges a batch of messages by id", () => {
    const state = apply(initialChatState(), welcome([msg("a", 1)]), {
      type: "messages",
      messages: [msg("a", 1), msg("c", 3), msg("b", 2)],
    });
    expect(state.messages.map((m) => m.id)).toEqual(["a", "b", "c"]);
  });

  it("turns an acknowledged pending message into a message, once", () => {
    let state = apply(initialChatState(), welcome([]));
    state = addPending(state, "c1", "hello", 500);
    expect(state.pending).toHaveLength(1);
    state = apply(state, { type: "ack", clientId: "c1", messageId: "m1", text: "hello", allowance });
    expect(state.pending).toEqual([]);
    expect(state.messages.map((m) => [m.id, m.userId, m.text])).toEqual([["m1", "me", "hello"]]);
    // The broadcast copy of the same message replaces it.
    state = apply(state, { type: "message", message: { ...msg("m1", 1, "me"), text: "hello" } });
    expect(state.messages).toHaveLength(1);
  });

  it("marks a refused message with its reason and starts the cooldown", () => {
    let state = addPending(apply(initialChatState(), welcome([])), "c1", "hi", 0);
    state = applyFrame(
      state,
      { type: "rejected", clientId: "c1", code: "SLOW_MODE", message: "", retryAfterMs: 4_000 },
      10_000,
    );
    expect(state.pending[0]).toMatchObject({ status: "rejected", code: "SLOW_MODE", reason: "Slow mode is on." });
    expect(state.cooldownUntil).toBe(14_000);
  });

  it("shows a refusal it cannot match to a pending message as a notice", () => {
    const state = apply(initialChatState(), { type: "rejected", code: "NO_CREDIT", message: "Chat needs credits." });
    expect(state.notice).toEqual({ kind: "error", text: "Chat needs credits." });
  });

  it("fails what was in flight when the socket dropped", () => {
    let state = addPending(apply(initialChatState(), welcome([])), "c1", "hi", 0);
    state = apply(state, welcome([]));
    expect(state.pending[0]).toMatchObject({ status: "rejected", code: "NOT_SENT" });
  });

  it("removes deleted messages and empties a cleared chat", () => {
    let state = apply(initialChatState(), welcome([msg("a", 1), msg("b", 2)]), {
      type: "deleted",
      messageIds: ["a"],
    });
    expect(state.messages.map((m) => m.id)).toEqual(["b"]);
    state = apply(state, { type: "cleared" });
    expect(state.messages).toEqual([]);
    expect(state.notice?.text).toBe("Chat was cleared by a moderator");
  });

  it("follows gate, modes, warnings and bans", () => {
    let state = apply(
      initialChatState(),
      welcome([]),
      { type: "gate", gate: { canSend: false, reason: "NO_CREDIT" } },
      { type: "modes", modes: { slowModeSeconds: 30, followersOnly: true, creditOnly: false } },
    );
    expect(state.gate).toEqual({ canSend: false, reason: "NO_CREDIT" });
    expect(state.modes?.slowModeSeconds).toBe(30);
    state = apply(state, { type: "warning", reason: "be nice" });
    expect(state.notice).toEqual({ kind: "warning", text: "A moderator warned you: be nice" });
    state = apply(state, { type: "banned", reason: "spam" });
    expect(state.banned).toEqual({ reason: "spam" });
    expect(state.gate).toEqual({ canSend: false, reason: "BANNED" });
  });
});
