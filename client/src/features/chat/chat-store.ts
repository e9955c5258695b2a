import { batch, createSignal, onCleanup, type Accessor } from "solid-js";
import type { ChatHistoryDto, ChatMessageDto, ChatServerMessage, ChatTokenResponse } from "@contracts/chat.ts";
import { createAnnouncer } from "./announcer.ts";
import { getChatHistory, getChatToken } from "./chat.api.ts";
import { createChatConnection, socketUrl, type ConnectionStatus, type SocketLike } from "./chat-connection.ts";
import { addPending, applyFrame, dismissPending, initialChatState, type ChatState } from "./chat-state.ts";
import { MAX_KEPT_MESSAGES, mergeMessages } from "./message-list.ts";

/** While the socket is down for good, the history is read this often. */
export const FALLBACK_POLL_MS = 3_000;
const OLDER_PAGE = 50;

export interface ChatStoreDeps {
  fetchToken: (streamId: string) => Promise<ChatTokenResponse>;
  fetchHistory: (streamId: string, cursor: string | undefined, limit: number) => Promise<ChatHistoryDto>;
  openSocket: (path: string) => SocketLike;
}

export const browserChatDeps = (): ChatStoreDeps => ({
  fetchToken: getChatToken,
  fetchHistory: (streamId, cursor, limit) => getChatHistory(streamId, { cursor, limit }),
  openSocket: (path) => new WebSocket(socketUrl(path, window.location)),
});

let clientIds = 0;
const newClientId = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `c${Date.now()}-${++clientIds}`;

/**
 * One stream's chat for one page: the socket, the messages, the user's pending messages, the
 * gate and modes, older pages and the polling fallback. Call inside a component (it cleans up).
 */
export function createChatStore(streamId: string, deps: ChatStoreDeps = browserChatDeps()) {
  const [state, setState] = createSignal<ChatState>(initialChatState());
  const [status, setStatus] = createSignal<ConnectionStatus>({ kind: "connecting" });
  const [announcement, setAnnouncement] = createSignal("");
  const [olderCursor, setOlderCursor] = createSignal<string | null | undefined>(undefined);
  const [loadingOlder, setLoadingOlder] = createSignal(false);
  const [olderError, setOlderError] = createSignal<unknown>(null);
  let pollTimer: ReturnType<typeof setInterval> | undefined;

  const announcer = createAnnouncer({
    now: Date.now,
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
    // Clearing first makes a repeated text ("2 new messages" twice) be read again.
    announce: (text) => {
      setAnnouncement("");
      queueMicrotask(() => setAnnouncement(text));
    },
  });

  const isMine = (message: ChatMessageDto) => message.userId === state().you?.userId;

  const announceNew = (before: readonly ChatMessageDto[], after: readonly ChatMessageDto[]) => {
    const known = new Set(before.map((m) => m.id));
    for (const message of after) if (!known.has(message.id) && !isMine(message)) announcer.message(message);
  };

  const onFrame = (frame: ChatServerMessage) => {
    const before = state().messages;
    const next = applyFrame(state(), frame, Date.now());
    setState(next);
    if (frame.type === "message" || frame.type === "messages") announceNew(before, next.messages);
    if (frame.type === "cleared") setAnnouncement("Chat was cleared by a moderator");
  };

  const poll = async () => {
    try {
      const page = await deps.fetchHistory(streamId, undefined, 100);
      const before = state().messages;
      const messages = mergeMessages(before, page.messages);
      setState({ ...state(), messages });
      announceNew(before, messages);
    } catch {
      // The status already says the chat is read-only; the next poll tries again.
    }
  };

  const onStatus = (next: ConnectionStatus) => {
    setStatus(next);
    const polling = next.kind === "read-only";
    if (polling && pollTimer === undefined) {
      void poll();
      pollTimer = setInterval(() => void poll(), FALLBACK_POLL_MS);
    } else if (!polling && pollTimer !== undefined) {
      clearInterval(pollTimer);
      pollTimer = undefined;
    }
  };

  const connection = createChatConnection({
    fetchToken: () => deps.fetchToken(streamId),
    openSocket: deps.openSocket,
    onFrame,
    onStatus,
  });
  connection.start();

  onCleanup(() => {
    connection.stop();
    announcer.dispose();
    if (pollTimer !== undefined) clearInterval(pollTimer);
  });

  /** Sends one message; false when it could not leave (offline, empty). */
  const send = (raw: string): boolean => {
    const text = raw.trim();
    if (!text) return false;
    const clientId = newClientId();
    if (!connection.send({ type: "send", text, clientId })) return false;
    const now = Date.now();
    batch(() => {
      let next = addPending(state(), clientId, text, now);
      const slow = next.modes?.slowModeSeconds ?? 0;
      if (slow > 0 && !next.you?.canModerate) next = { ...next, cooldownUntil: now + slow * 1000 };
      setState(next);
    });
    return true;
  };

  const loadOlder = async () => {
    const cursor = olderCursor();
    if (loadingOlder() || cursor === null) return;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const page = await deps.fetchHistory(streamId, cursor, cursor === undefined ? 100 : OLDER_PAGE);
      const current = state().messages;
      const max = Math.max(MAX_KEPT_MESSAGES, current.length + page.messages.length);
      batch(() => {
        setState({ ...state(), messages: mergeMessages(current, page.messages, max, "oldest") });
        setOlderCursor(page.nextCursor);
      });
    } catch (error) {
      setOlderError(error);
    } finally {
      setLoadingOlder(false);
    }
  };

  const retry = (clientId: string) => {
    const pending = state().pending.find((p) => p.clientId === clientId);
    setState(dismissPending(state(), clientId));
    if (pending) send(pending.text);
  };

  const select =
    <T>(pick: (s: ChatState) => T): Accessor<T> =>
    () =>
      pick(state());

  return {
    streamId,
    status,
    messages: select((s) => s.messages),
    pending: select((s) => s.pending),
    you: select((s) => s.you),
    gate: select((s) => s.gate),
    modes: select((s) => s.modes),
    allowance: select((s) => s.allowance),
    notice: select((s) => s.notice),
    cooldownUntil: select((s) => s.cooldownUntil),
    canModerate: select((s) => s.you?.canModerate ?? false),
    announcement,
    hasOlder: () => olderCursor() !== null,
    loadingOlder,
    olderError,
    send,
    retry,
    loadOlder,
    dismissPending: (clientId: string) => setState(dismissPending(state(), clientId)),
    dismissNotice: () => setState({ ...state(), notice: null }),
    /** Applies what the page already knows (a moderator's own delete, saved modes) before the broadcast. */
    apply: onFrame,
    retryNow: () => connection.retryNow(),
  };
}

export type ChatStore = ReturnType<typeof createChatStore>;
