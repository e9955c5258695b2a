import {
  CHAT_CLOSE_BANNED,
  CHAT_CLOSE_STREAM_ENDED,
  chatServerMessageSchema,
  type ChatClientMessage,
  type ChatServerMessage,
  type ChatTokenResponse,
} from "@contracts/chat.ts";
import { RECONNECT_ATTEMPTS_BEFORE_FALLBACK, reconnectDelay } from "../../lib/reconnect-backoff.ts";

/** A ping this often keeps proxies from closing an idle socket. */
export const CHAT_PING_MS = 25_000;

export type ConnectionStatus =
  | { kind: "connecting" }
  | { kind: "live" }
  /** `at`: epoch ms of the next attempt. */
  | { kind: "reconnecting"; at: number }
  /** The socket keeps failing: messages come from polling the history; attempts go on in the background. */
  | { kind: "read-only"; at: number }
  | { kind: "banned" }
  | { kind: "ended" }
  | { kind: "stopped" };

/** The part of a browser WebSocket the connection uses (a fake in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export interface ChatConnectionDeps {
  fetchToken: () => Promise<ChatTokenResponse>;
  openSocket: (path: string) => SocketLike;
  onFrame: (frame: ChatServerMessage) => void;
  onStatus: (status: ConnectionStatus) => void;
  now?: () => number;
  random?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  setRepeat?: (run: () => void, ms: number) => unknown;
  clearRepeat?: (timer: unknown) => void;
}

const OPEN = 1;

/** ws:// or wss:// for a same-origin path, as the page was loaded. */
export function socketUrl(path: string, location: Pick<Location, "protocol" | "host">): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}${path.startsWith("/") ? path : `/${path}`}`;
}

/** Parses one frame from the object; anything that is not a valid frame is dropped. */
export function parseFrame(data: unknown): ChatServerMessage | null {
  if (typeof data !== "string") return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = chatServerMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * One chat WebSocket kept open: a fresh token per attempt, reconnects with backoff and jitter,
 * a polling fallback after repeated failures (the store polls while the status is read-only),
 * and no reconnect after a ban or the end of the stream.
 */
export function createChatConnection(deps: ChatConnectionDeps) {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const setRepeat = deps.setRepeat ?? ((run, ms) => setInterval(run, ms));
  const clearRepeat = deps.clearRepeat ?? ((timer) => clearInterval(timer as ReturnType<typeof setInterval>));

  let socket: SocketLike | null = null;
  let failures = 0;
  let stopped = false;
  let retryTimer: unknown = null;
  let pingTimer: unknown = null;
  let status: ConnectionStatus = { kind: "stopped" };

  const setStatus = (next: ConnectionStatus) => {
    status = next;
    deps.onStatus(next);
  };

  const clearPing = () => {
    if (pingTimer !== null) clearRepeat(pingTimer);
    pingTimer = null;
  };

  const finish = (kind: "banned" | "ended" | "stopped") => {
    stopped = true;
    if (retryTimer !== null) clearTimer(retryTimer);
    retryTimer = null;
    clearPing();
    setStatus({ kind });
  };

  const scheduleRetry = () => {
    if (stopped) return;
    const delay = reconnectDelay(failures, random);
    failures++;
    const at = now() + delay;
    setStatus(
      failures >= RECONNECT_ATTEMPTS_BEFORE_FALLBACK ? { kind: "read-only", at } : { kind: "reconnecting", at },
    );
    retryTimer = setTimer(() => {
      retryTimer = null;
      void attempt();
    }, delay);
  };

  const attempt = async () => {
    if (stopped) return;
    if (status.kind !== "read-only" && status.kind !== "reconnecting") setStatus({ kind: "connecting" });
    let token: ChatTokenResponse;
    try {
      token = await deps.fetchToken();
    } catch {
      scheduleRetry();
      return;
    }
    if (stopped) return;
    let opened: SocketLike;
    try {
      opened = deps.openSocket(token.socketPath);
    } catch {
      scheduleRetry();
      return;
    }
    socket = opened;
    opened.onmessage = (event) => {
      if (socket !== opened) return;
      const frame = parseFrame(event.data);
      if (!frame) return;
      if (frame.type === "welcome") {
        failures = 0;
        setStatus({ kind: "live" });
      }
      deps.onFrame(frame);
    };
    opened.onopen = () => {
      if (socket !== opened) return;
      clearPing();
      pingTimer = setRepeat(() => send({ type: "ping" }), CHAT_PING_MS);
    };
    opened.onclose = (event) => {
      if (socket !== opened) return;
      socket = null;
      clearPing();
      if (stopped) return;
      if (event.code === CHAT_CLOSE_BANNED) finish("banned");
      else if (event.code === CHAT_CLOSE_STREAM_ENDED) finish("ended");
      else scheduleRetry();
    };
    // An error is always followed by a close, which decides what happens next.
    opened.onerror = () => undefined;
  };

  const send = (message: ChatClientMessage): boolean => {
    if (!socket || socket.readyState !== OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  };

  return {
    start() {
      if (socket || retryTimer !== null) return;
      stopped = false;
      failures = 0;
      void attempt();
    },
    /** Closes the socket for good (leaving the page). */
    stop() {
      const current = socket;
      socket = null;
      finish("stopped");
      current?.close(1000, "bye");
    },
    /** Tries again now instead of waiting for the timer ("Retry now"). */
    retryNow() {
      if (stopped || socket || retryTimer === null) return;
      clearTimer(retryTimer);
      retryTimer = null;
      void attempt();
    },
    send,
    status: () => status,
  };
}

export type ChatConnection = ReturnType<typeof createChatConnection>;
