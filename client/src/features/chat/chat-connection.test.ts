import { describe, expect, it } from "vitest";
import { CHAT_CLOSE_BANNED, type ChatServerMessage } from "@contracts/chat.ts";
import {
  createChatConnection,
  parseFrame,
  socketUrl,
  type ConnectionStatus,
  type SocketLike,
} from "./chat-connection.ts";

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  closed: number | null = null;
  onopen: SocketLike["onopen"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  onerror: SocketLike["onerror"] = null;
  constructor(readonly path: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close(code = 1000) {
    this.closed = code;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }
  receive(data: unknown) {
    this.onmessage?.({ data: typeof data === "string" ? data : JSON.stringify(data) } as MessageEvent);
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code } as CloseEvent);
  }
}

const welcome: ChatServerMessage = {
  type: "welcome",
  you: { userId: "u", displayName: "U", badge: "VIEWER", canModerate: false },
  gate: { canSend: true },
  modes: { slowModeSeconds: 0, followersOnly: false, creditOnly: true },
  allowance: { remaining: 10, limit: 10, resetInMs: 0 },
  history: [],
};

function harness(tokenFails = 0) {
  const sockets: FakeSocket[] = [];
  const statuses: ConnectionStatus["kind"][] = [];
  const frames: ChatServerMessage[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  let tokens = 0;
  let failing = tokenFails;
  const connection = createChatConnection({
    fetchToken: async () => {
      tokens++;
      if (failing > 0) {
        failing--;
        throw new Error("offline");
      }
      return { token: `t${tokens}`, canChat: true, expiresAt: "", socketPath: `/ws?token=t${tokens}` };
    },
    openSocket: (path) => {
      const socket = new FakeSocket(path);
      sockets.push(socket);
      return socket;
    },
    onFrame: (frame) => frames.push(frame),
    onStatus: (status) => statuses.push(status.kind),
    now: () => 0,
    random: () => 0.5,
    setTimer: (run, ms) => {
      const timer = { run, ms };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => timers.splice(timers.indexOf(timer as (typeof timers)[number]), 1),
    setRepeat: () => 1,
    clearRepeat: () => undefined,
  });
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  const fire = async () => {
    const timer = timers.shift();
    timer?.run();
    await flush();
    return timer?.ms;
  };
  return { connection, sockets, statuses, frames, timers, fire, flush, tokens: () => tokens };
}

describe("createChatConnection", () => {
  it("connects with a fresh token and is live on welcome", async () => {
    const h = harness();
    h.connection.start();
    await h.flush();
    expect(h.sockets[0]?.path).toBe("/ws?token=t1");
    h.sockets[0]?.open();
    h.sockets[0]?.receive(welcome);
    expect(h.statuses).toEqual(["connecting", "live"]);
    expect(h.frames).toHaveLength(1);
    expect(h.connection.send({ type: "send", text: "hi", clientId: "c" })).toBe(true);
    expect(JSON.parse(h.sockets[0]?.sent[0] ?? "")).toEqual({ type: "send", text: "hi", clientId: "c" });
  });

  it("drops frames that do not match the contract", async () => {
    const h = harness();
    h.connection.start();
    await h.flush();
    h.sockets[0]?.receive("not json");
    h.sockets[0]?.receive({ type: "message", message: { id: 1 } });
    h.sockets[0]?.receive({ type: "nope" });
    expect(h.frames).toEqual([]);
  });

  it("reconnects with growing delays and a new token each time, then falls back to read-only", async () => {
    const h = harness();
    h.connection.start();
    await h.flush();
    h.sockets[0]?.open();
    h.sockets[0]?.receive(welcome);
    h.sockets[0]?.drop();
    expect(h.statuses.at(-1)).toBe("reconnecting");
    const delays: (number | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      delays.push(await h.fire());
      h.sockets.at(-1)?.drop();
    }
    expect(delays).toEqual([750, 1_500, 3_000, 6_000]);
    expect(h.tokens()).toBe(5);
    expect(new Set(h.sockets.map((s) => s.path)).size).toBe(5);
    expect(h.statuses.at(-1)).toBe("read-only");
    // Back online: live again, and the backoff starts over.
    await h.fire();
    h.sockets.at(-1)?.receive(welcome);
    expect(h.statuses.at(-1)).toBe("live");
    h.sockets.at(-1)?.drop();
    expect(h.timers[0]?.ms).toBe(750);
  });

  it("retries when the token cannot be had", async () => {
    const h = harness(1);
    h.connection.start();
    await h.flush();
    expect(h.sockets).toHaveLength(0);
    expect(h.statuses.at(-1)).toBe("reconnecting");
    await h.fire();
    expect(h.sockets).toHaveLength(1);
  });

  it("does not reconnect after a ban", async () => {
    const h = harness();
    h.connection.start();
    await h.flush();
    h.sockets[0]?.drop(CHAT_CLOSE_BANNED);
    expect(h.statuses.at(-1)).toBe("banned");
    expect(h.timers).toHaveLength(0);
  });

  it("closes for good on stop", async () => {
    const h = harness();
    h.connection.start();
    await h.flush();
    h.sockets[0]?.open();
    h.connection.stop();
    expect(h.sockets[0]?.closed).toBe(1000);
    expect(h.statuses.at(-1)).toBe("stopped");
    expect(h.connection.send({ type: "ping" })).toBe(false);
  });
});

describe("socketUrl", () => {
  it("follows the page's scheme", () => {
    expect(socketUrl("/api/x?token=1", { protocol: "https:", host: "a.test" })).toBe("wss://a.test/api/x?token=1");
    expect(socketUrl("/api/x", { protocol: "http:", host: "localhost:8787" })).toBe("ws://localhost:8787/api/x");
  });
});

describe("parseFrame", () => {
  it("accepts contract frames only", () => {
    expect(parseFrame(JSON.stringify({ type: "pong" }))).toEqual({ type: "pong" });
    expect(parseFrame(JSON.stringify({ type: "cleared", extra: 1 }))).toEqual({ type: "cleared" });
    expect(parseFrame(new ArrayBuffer(2))).toBeNull();
  });
});
