import { createRoot } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ChatHistoryDto, ChatMessageDto, ChatServerMessage } from "@contracts/chat.ts";
import type { SocketLike } from "./chat-connection.ts";
import { FALLBACK_POLL_MS, createChatStore } from "./chat-store.ts";

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  onopen: SocketLike["onopen"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  onerror: SocketLike["onerror"] = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }
  receive(frame: ChatServerMessage) {
    this.onmessage?.({ data: JSON.stringify(frame) } as MessageEvent);
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({ code: 1006 } as CloseEvent);
  }
}

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

const welcome = (history: ChatMessageDto[], slowModeSeconds = 0): ChatServerMessage => ({
  type: "welcome",
  you: { userId: "me", displayName: "Me", badge: "VIEWER", canModerate: false },
  gate: { canSend: true },
  modes: { slowModeSeconds, followersOnly: false, creditOnly: true },
  allowance: { remaining: 10, limit: 10, resetInMs: 0 },
  history,
});

function setup(history: (cursor: string | undefined) => ChatHistoryDto = () => ({ messages: [], nextCursor: null })) {
  const sockets: FakeSocket[] = [];
  const historyCalls: (string | undefined)[] = [];
  let tokenFails = false;
  let dispose = () => undefined as void;
  const store = createRoot((d) => {
    dispose = d;
    return createChatStore("s1", {
      fetchToken: async () => {
        if (tokenFails) throw new Error("offline");
        return { token: "t", canChat: true, expiresAt: "", socketPath: "/ws?token=t" };
      },
      fetchHistory: async (_id, cursor) => {
        historyCalls.push(cursor);
        return history(cursor);
      },
      openSocket: () => {
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket;
      },
    });
  });
  return {
    store,
    sockets,
    historyCalls,
    failTokens: () => {
      tokenFails = true;
    },
    dispose: () => dispose(),
  };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createChatStore", () => {
  it("sends with a client id, shows it pending, and keeps one copy once acknowledged and broadcast", async () => {
    const { store, sockets, dispose } = setup();
    await flush();
    const socket = sockets[0];
    if (!socket) throw new Error("no socket");
    socket.open();
    socket.receive(welcome([msg("a", 1)]));
    expect(store.status().kind).toBe("live");

    expect(store.send("  hello  ")).toBe(true);
    const sent = socket.sent[0] as { type: string; text: string; clientId: string };
    expect(sent).toMatchObject({ type: "send", text: "hello" });
    expect(store.pending()).toHaveLength(1);

    socket.receive({ type: "message", message: { ...msg("m1", 2, "me"), text: "hello" } });
    socket.receive({
      type: "ack",
      clientId: sent.clientId,
      messageId: "m1",
      text: "hello",
      allowance: { remaining: 9, limit: 10, resetInMs: 30_000 },
    });
    expect(store.pending()).toEqual([]);
    expect(store.messages().map((m) => m.id)).toEqual(["a", "m1"]);
    dispose();
  });

  it("starts the slow-mode cooldown after a send", async () => {
    const { store, sockets, dispose } = setup();
    await flush();
    sockets[0]?.open();
    sockets[0]?.receive(welcome([], 30));
    store.send("hi");
    expect(store.cooldownUntil()).toBe(Date.now() + 30_000);
    dispose();
  });

  it("falls back to polling the history every 3 s when the socket keeps failing, merging by id", async () => {
    let page = 0;
    const { store, sockets, historyCalls, failTokens, dispose } = setup(() => ({
      messages: page++ === 0 ? [msg("a", 1)] : [msg("a", 1), msg("b", 2)],
      nextCursor: null,
    }));
    await flush();
    sockets[0]?.open();
    sockets[0]?.receive(welcome([msg("a", 1)]));
    failTokens();
    sockets[0]?.drop();
    for (let i = 0; i < 6 && store.status().kind !== "read-only"; i++) {
      await vi.advanceTimersToNextTimerAsync();
    }
    expect(store.status().kind).toBe("read-only");
    await flush();
    const polls = historyCalls.length;
    expect(polls).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(FALLBACK_POLL_MS);
    expect(historyCalls.length).toBeGreaterThan(polls);
    expect(store.messages().map((m) => m.id)).toEqual(["a", "b"]);
    dispose();
  });

  it("loads older pages with the cursor until there are none", async () => {
    const { store, sockets, historyCalls, dispose } = setup((cursor) =>
      cursor === undefined
        ? { messages: [msg("b", 2), msg("c", 3)], nextCursor: "older" }
        : { messages: [msg("a", 1)], nextCursor: null },
    );
    await flush();
    sockets[0]?.open();
    sockets[0]?.receive(welcome([msg("c", 3)]));
    await store.loadOlder();
    expect(store.hasOlder()).toBe(true);
    await store.loadOlder();
    expect(historyCalls).toEqual([undefined, "older"]);
    expect(store.messages().map((m) => m.id)).toEqual(["a", "b", "c"]);
    expect(store.hasOlder()).toBe(false);
    dispose();
  });
});
