import { SELF } from "cloudflare:test";
import { chatServerMessageSchema, type ChatServerMessage, type ChatTokenResponse } from "../../../contracts/chat.ts";
import type { Session } from "./session.ts";

export type Frame<T extends ChatServerMessage["type"]> = Extract<ChatServerMessage, { type: T }>;

export interface ChatClient {
  ws: WebSocket;
  frames: ChatServerMessage[];
  closed: { code: number } | null;
  /** How many "messages" frames (several messages in one) arrived. */
  batches: number;
  /** The next frame of that type not yet taken (waits up to `timeoutMs`). */
  next<T extends ChatServerMessage["type"]>(type: T, timeoutMs?: number): Promise<Frame<T>>;
  /** The first frame not yet taken that is an ack or a rejection: the answer to a send. */
  answer(timeoutMs?: number): Promise<Frame<"ack"> | Frame<"rejected">>;
  /** The next message frame whose text is `text`. */
  messageWith(text: string, timeoutMs?: number): Promise<Frame<"message">>;
  /** Whether a frame of that type matching `match` arrived within `ms`. */
  saw<T extends ChatServerMessage["type"]>(type: T, match: (f: Frame<T>) => boolean, ms: number): Promise<boolean>;
  send(text: string, clientId?: string): void;
  close(): void;
}

export async function chatToken(session: Session, streamId: string) {
  return session.call<ChatTokenResponse>(`/api/streams/${streamId}/chat/token`, { method: "POST" });
}

/** Opens a chat socket the way the page does: token first, then the WebSocket at socketPath. */
export async function connectChat(path: string): Promise<ChatClient> {
  const res = await SELF.fetch(`http://127.0.0.1:8787${path}`, { headers: { upgrade: "websocket" } });
  if (res.status !== 101 || !res.webSocket) throw new Error(`chat upgrade ${res.status}: ${await res.text()}`);
  const ws = res.webSocket;
  ws.accept();
  const frames: ChatServerMessage[] = [];
  async function take(match: (f: ChatServerMessage) => boolean, what: string, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = frames.findIndex(match);
      if (i >= 0) return frames.splice(i, 1)[0];
      if (Date.now() > deadline) throw new Error(`no ${what} frame in ${timeoutMs} ms; got ${JSON.stringify(frames)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  const client: ChatClient = {
    ws,
    frames,
    closed: null,
    batches: 0,
    next(type, timeoutMs = 5_000) {
      return take((f) => f.type === type, type, timeoutMs) as never;
    },
    answer(timeoutMs = 5_000) {
      return take((f) => f.type === "ack" || f.type === "rejected", "ack or rejected", timeoutMs) as never;
    },
    messageWith(text, timeoutMs = 5_000) {
      return take((f) => f.type === "message" && f.message.text === text, `message "${text}"`, timeoutMs) as never;
    },
    async saw(type, match, ms) {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        if (client.frames.some((f) => f.type === type && match(f as never))) return true;
        await new Promise((r) => setTimeout(r, 20));
      }
      return false;
    },
    send(text, clientId) {
      ws.send(JSON.stringify({ type: "send", text, ...(clientId ? { clientId } : {}) }));
    },
    close() {
      ws.close(1000, "done");
    },
  };
  ws.addEventListener("message", (e) => {
    const parsed = chatServerMessageSchema.safeParse(JSON.parse(String(e.data)));
    if (!parsed.success) throw new Error(`frame outside the contract: ${String(e.data)}`);
    // A batch is its messages, one after the other, as far as the tests care.
    if (parsed.data.type === "messages") {
      for (const message of parsed.data.messages) client.frames.push({ type: "message", message });
      client.batches += 1;
    } else client.frames.push(parsed.data);
  });
  ws.addEventListener("close", (e) => {
    client.closed = { code: e.code };
  });
  return client;
}

/** Token + socket + the welcome frame. */
export async function joinChat(session: Session, streamId: string) {
  const token = await chatToken(session, streamId);
  if (token.status !== 200) throw new Error(`chat token ${token.status} ${JSON.stringify(token.body)}`);
  const client = await connectChat(token.body.socketPath);
  const welcome = await client.next("welcome");
  return { client, welcome, token: token.body };
}
