import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { CHAT_GATE_RECHECK_MS, CHAT_RATE_LIMIT } from "../../contracts/chat.ts";
import { StreamChat } from "../../durable-objects/stream-chat.ts";
import { loadSigningKeys } from "../../worker/auth/keys.ts";
import { chatMessages } from "../../worker/chat/chat.schema.ts";
import { issueChatToken } from "../../worker/chat/chat-token.ts";
import { moderationActions } from "../../worker/moderation/moderation.schema.ts";
import { auditLogs } from "../../worker/platform/audit/audit.schema.ts";
import { call } from "./support/http.ts";
import { chatToken, connectChat, joinChat } from "./support/chat.ts";
import {
  adminSession,
  createStream,
  creatorSession,
  markStreamLive,
  sleep,
  viewerWithCredits,
  withFixtureDb,
} from "./support/live.ts";
import { jwtPrivateKey, signUpVerified, type Session } from "./support/session.ts";

const chatObject = (streamId: string) => env.STREAM_CHAT.get(env.STREAM_CHAT.idFromName(streamId));

async function liveStream(creator: Session): Promise<string> {
  const { id } = await createStream(creator, "Chat stream");
  await markStreamLive(id);
  return id;
}

let creator: Session;
let streamId: string;
let alice: { session: Session; userId: string };
let bob: { session: Session; userId: string };

beforeAll(async () => {
  creator = await creatorSession();
  streamId = await liveStream(creator);
  alice = await viewerWithCredits("chat-alice", "50.000");
  bob = await viewerWithCredits("chat-bob", "50.000");
});

describe("chat tokens", () => {
  it("are for signed-in users of an existing stream, and say whether they may send", async () => {
    expect((await call(`/api/streams/${streamId}/chat/token`, { method: "POST" })).status).toBe(401);
    const bad = await alice.session.call(`/api/streams/not-a-uuid/chat/token`, { method: "POST" });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: "VALIDATION_FAILED" } });
    const missing = await alice.session.call(`/api/streams/${crypto.randomUUID()}/chat/token`, { method: "POST" });
    expect(missing.status).toBe(404);

    const ok = await chatToken(alice.session, streamId);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ canChat: true });
    expect(ok.body.socketPath).toBe(`/api/streams/${streamId}/chat?token=${encodeURIComponent(ok.body.token)}`);

    const broke = await signUpVerified("chat-broke");
    const refused = await chatToken(broke.session, streamId);
    expect(refused.body).toMatchObject({ canChat: false, reason: "NO_CREDIT" });
  });

  it("opens the socket only with a valid, unexpired token for this very stream", async () => {
    const config = { JWT_PRIVATE_KEY: jwtPrivateKey() };
    const keys = await loadSigningKeys(config.JWT_PRIVATE_KEY);
    const identity = {
      userId: alice.userId,
      streamId,
      displayName: "Alice",
      avatarUrl: null,
      role: "VIEWER" as const,
      badge: "VIEWER" as const,
      isBroadcaster: false,
      canModerate: true, // a forger would claim this
      emailVerified: true,
      isFollower: true,
    };
    const upgrade = (token: string, id = streamId) =>
      call<{ error: { code: string; message: string } }>(`/api/streams/${id}/chat?token=${encodeURIComponent(token)}`, {
        headers: { upgrade: "websocket" },
      });

    const other = await generateKeyPair("RS256");
    const forged = await new SignJWT({
      str: streamId,
      name: "Alice",
      avatar: null,
      role: "ADMIN",
      badge: "ADMIN",
      bc: false,
      mod: true,
      ev: true,
      fol: true,
    })
      .setProtectedHeader({ alg: "RS256", kid: keys.kid })
      .setSubject(alice.userId)
      .setIssuer("tollgate")
      .setAudience("tollgate-chat")
      .setExpirationTime("5m")
      .sign(other.privateKey);
    const forgedRes = await upgrade(forged);
    expect(forgedRes.status).toBe(401);
    expect(forgedRes.body.error.code).toBe("CHAT_TOKEN_INVALID");

    const expired = await issueChatToken(keys, identity, new Date(Date.now() - 10 * 60_000));
    const expiredRes = await upgrade(expired.token);
    expect(expiredRes.status).toBe(401);
    expect(expiredRes.body.error.message).toMatch(/expired/);

    const otherStream = await liveStream(creator);
    const valid = await issueChatToken(keys, identity);
    expect((await upgrade(valid.token, otherStream)).status).toBe(401);
    expect((await upgrade("not.a.token")).status).toBe(401);
    // The API's own access token is not a chat token (another audience).
    expect((await upgrade(alice.session.cookie("tg_at") ?? "x")).status).toBe(401);

    const plain = await call(`/api/streams/${streamId}/chat?token=x`);
    expect(plain.status).toBe(426);
  });
});

describe("sending", () => {
  it("delivers a message to everyone, acks the sender, and keeps it in Postgres with name and badge", async () => {
    const a = await joinChat(alice.session, streamId);
    const b = await joinChat(bob.session, streamId);
    const c = await joinChat(creator, streamId);
    expect(a.welcome.you).toMatchObject({ userId: alice.userId, badge: "VIEWER", canModerate: false });
    expect(c.welcome.you).toMatchObject({ badge: "BROADCASTER", canModerate: true });
    expect(a.welcome.gate).toEqual({ canSend: true });
    expect(a.welcome.allowance).toMatchObject({ remaining: CHAT_RATE_LIMIT, limit: CHAT_RATE_LIMIT });

    a.client.send("  hello from alice  ", "c1");
    const ack = await a.client.next("ack");
    expect(ack).toMatchObject({
      clientId: "c1",
      text: "hello from alice",
      allowance: { remaining: CHAT_RATE_LIMIT - 1 },
    });
    for (const client of [a.client, b.client, c.client]) {
      const got = await client.next("message");
      expect(got.message).toMatchObject({
        id: ack.messageId,
        userId: alice.userId,
        text: "hello from alice",
        badge: "VIEWER",
      });
    }
    c.client.send("welcome all");
    expect((await b.client.next("message")).message).toMatchObject({ text: "welcome all", badge: "BROADCASTER" });

    // Written behind on the object's alarm; the history endpoint flushes first, so it is there now.
    const history = await bob.session.call<{
      messages: { id: string; text: string; displayName: string; badge: string }[];
      nextCursor: string | null;
    }>(`/api/streams/${streamId}/messages?limit=100`);
    expect(history.status).toBe(200);
    const mine = history.body.messages.find((m) => m.id === ack.messageId);
    expect(mine).toMatchObject({ text: "hello from alice", badge: "VIEWER" });
    expect(mine?.displayName).toBeTruthy();
    const stored = await withFixtureDb((db) =>
      db.select().from(chatMessages).where(eq(chatMessages.id, ack.messageId)),
    );
    expect(stored).toHaveLength(1);

    // A page reconnecting gets the latest messages in its welcome.
    const again = await joinChat(bob.session, streamId);
    expect(again.welcome.history.map((m) => m.id)).toContain(ack.messageId);
    for (const x of [a, b, c, again]) x.client.close();
  });

  it("refuses bad frames, empty and over-long text, and the 11th message in 30 s with the wait", async () => {
    const { session } = await viewerWithCredits("chat-limits", "10.000");
    const { client } = await joinChat(session, streamId);
    client.ws.send("not json");
    expect(await client.next("error")).toMatchObject({ code: "VALIDATION_FAILED" });
    client.ws.send(JSON.stringify({ type: "send" }));
    expect(await client.next("error")).toMatchObject({ code: "VALIDATION_FAILED" });
    client.send("   ");
    expect(await client.next("rejected")).toMatchObject({ code: "EMPTY" });
    client.send("x".repeat(201));
    expect(await client.next("rejected")).toMatchObject({ code: "TOO_LONG" });
    const graphemes = ["👨‍👩‍👧", "é", "ß", "x", "y"];
    client.send(Array.from({ length: 200 }, (_, i) => graphemes[i % graphemes.length]).join("")); // 200 graphemes: fits
    await client.next("ack");
    for (let i = 1; i < CHAT_RATE_LIMIT; i++) {
      client.send(`message number ${i} of the burst`);
      await client.next("ack");
    }
    client.send("one too many");
    const refused = await client.next("rejected");
    expect(refused).toMatchObject({ code: "RATE_LIMITED", allowance: { remaining: 0 } });
    expect(refused.retryAfterMs).toBeGreaterThan(25_000);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(30_000);
    client.close();
  });

  it("lets a viewer without credit read but not send, even with a hand-made frame", async () => {
    const broke = await signUpVerified("chat-nocredit");
    const watcher = await joinChat(bob.session, streamId);
    const { client, welcome, token } = await joinChat(broke.session, streamId);
    expect(token.canChat).toBe(false);
    expect(welcome.gate).toEqual({ canSend: false, reason: "NO_CREDIT" });
    client.ws.send(JSON.stringify({ type: "send", text: "let me in", clientId: "forged" }));
    expect(await client.next("rejected")).toMatchObject({ clientId: "forged", code: "NO_CREDIT" });
    expect(await client.next("gate")).toMatchObject({ gate: { canSend: false, reason: "NO_CREDIT" } });
    expect(await watcher.client.saw("message", (f) => f.message.text === "let me in", 1_000)).toBe(false);
    client.close();
    watcher.client.close();
  });

  it("closes the gate within the recheck period once the balance reaches zero", async () => {
    const viewer = await viewerWithCredits("chat-drain", "2.000");
    const { client } = await joinChat(viewer.session, streamId);
    client.send("I have credit");
    await client.next("ack");
    const admin = await adminSession();
    const drained = await admin.call(`/api/admin/users/${viewer.userId}`, {
      method: "PATCH",
      body: { walletAdjustment: { amount: "-2.000", reason: "test drain" } },
      headers: { "idempotency-key": crypto.randomUUID() },
    });
    expect(drained.status).toBe(200);
    const started = Date.now();
    let code = "";
    for (let i = 0; i < 8 && code !== "NO_CREDIT"; i++) {
      await sleep(2_000);
      client.send(`still here ${i}`);
      const answer = await client.answer();
      code = answer.type === "rejected" ? answer.code : "ack";
    }
    expect(code).toBe("NO_CREDIT");
    expect(Date.now() - started).toBeLessThan(CHAT_GATE_RECHECK_MS + 4_000);
    client.close();
  });
});

describe("moderation", () => {
  it("deletes a message for everyone and from history, recording the action and an audit row", async () => {
    const a = await joinChat(alice.session, streamId);
    const b = await joinChat(bob.session, streamId);
    a.client.send("this one goes away");
    const ack = await a.client.next("ack");
    await b.client.next("message");

    const byViewer = await bob.session.call(`/api/streams/${streamId}/moderate`, {
      method: "POST",
      body: { action: "delete", messageId: ack.messageId, reason: "no" },
    });
    expect(byViewer.status).toBe(403);
    const noReason = await creator.call(`/api/streams/${streamId}/moderate`, {
      method: "POST",
      body: { action: "delete", messageId: ack.messageId },
    });
    expect(noReason.status).toBe(400);
    const unknown = await creator.call(`/api/streams/${streamId}/moderate`, {
      method: "POST",
      body: { action: "delete", messageId: crypto.randomUUID(), reason: "spam" },
    });
    expect(unknown.status).toBe(404);

    // Sent a moment ago: still pending in the object; the delete finds it anyway.
    const res = await creator.call<{ action: { id: string; action: string } }>(`/api/streams/${streamId}/moderate`, {
      method: "POST",
      body: { action: "delete", messageId: ack.messageId, reason: "spam" },
    });
    expect(res.status).toBe(201);
    expect((await b.client.next("deleted")).messageIds).toEqual([ack.messageId]);
    const history = await bob.session.call<{ messages: { id: string }[] }>(`/api/streams/${streamId}/messages`);
    expect(history.body.messages.map((m) => m.id)).not.toContain(ack.messageId);
    const again = await joinChat(bob.session, streamId);
    expect(again.welcome.history.map((m) => m.id)).not.toContain(ack.messageId);

    const [action] = await withFixtureDb((db) =>
      db.select().from(moderationActions).where(eq(moderationActions.id, res.body.action.id)),
    );
    expect(action).toMatchObject({ action: "DELETE", targetType: "MESSAGE", targetId: ack.messageId, streamId });
    const audits = await withFixtureDb((db) =>
      db.select().from(auditLogs).where(eq(auditLogs.targetId, ack.messageId)),
    );
    expect(audits.map((r) => r.action)).toEqual(["moderation.delete"]);
    for (const x of [a, b, again]) x.client.close();
  });

  it("mutes until the mute ends, and refuses self-moderation and moderating the broadcaster", async () => {
    const target = await viewerWithCredits("chat-muted", "10.000");
    const t = await joinChat(target.session, streamId);
    const self = await creator.call(`/api/streams/${streamId}/moderate`, {
      method: "POST",
      body: {
        action: "mute",
        targetUserId: (await creator.call<{ user: { id: string } }>("/api/me")).body.user.id,
        duration: 60,
        reason: "x",
      },
    });
    expect(self.status).toBe(400);
    const creatorId = (await creator.call<{ user: { id: string } }>("/api/me")).body.user.id;
    const admin = await adminSession();
    const broadcaster = await admin.call<{ error: { code: string } }>(`/api/streams/${streamId}/moderate`, {
      method: "POST",
      body: { action: "mute", targetUserId: creatorId, duration: 60, reason: "x" },
    });
    expect(broadcaster.status).toBe(403);
    expect(broadcaster.body.error.code).toBe("CANNOT_MODERATE_STAFF");
    const noDuration = await creator.call(`/api/streams/${streamId}/moderate`, {
      method: "POST",
      body: { action: "mute", targetUserId: target.userId, reason: "calm down" },
    });
    expect(noDuration.status).toBe(400);

    const muted = await creator.call<{ action: { expiresAt: string } }>(`/api/streams/${streamId}/moderate`, {
      method: "POST",
      body: { action: "mute", targetUserId: target.userId, duration: 10, reason: "calm down" },
    });
    expect(muted.status).toBe(201);
    const gate = await t.client.next("gate");
    expect(gate.gate).toMatchObject({ canSend: false, reason: "MUTED", until: muted.body.action.expiresAt });
    t.client.send("can I talk?");
    expect(await t.client.next("rejected")).toMatchObject({ code: "MUTED" });
    const token = await chatToken(target.session, streamId);
    expect(token.body).toMatchObject({ canChat: false, reason: "MUTED" });

    await sleep(Date.parse(muted.body.action.expiresAt) - Date.now() + 200);
    t.client.send("back again");
    await t.client.next("ack");
    t.client.close();
  });

  it("bans: closes the user's sockets, hides their messages and keeps them out", async () => {
    const target = await viewerWithCredits("chat-banned", "10.000");
    const t = await joinChat(target.session, streamId);
    const b = await joinChat(bob.session, streamId);
    t.client.send("spam spam lovely spam");
    const ack = await t.client.next("ack");
    await b.client.next("message");

    const res = await creator.call(`/api/streams/${streamId}/moderate`, {
      method: "POST",
      body: { action: "ban", targetUserId: target.userId, reason: "spam" },
    });
    expect(res.status).toBe(201);
    expect(await t.client.next("banned")).toMatchObject({ reason: "spam" });
    await expect.poll(() => t.client.closed?.code, { timeout: 3_000 }).toBe(4003);
    expect((await b.client.next("deleted")).messageIds).toContain(ack.messageId);

    expect((await chatToken(target.session, streamId)).body).toMatchObject({ canChat: false, reason: "BANNED" });
    const token = await chatToken(target.session, streamId);
    const back = await connectChat(token.body.socketPath);
    expect(await back.next("banned")).toMatchObject({ reason: "spam" });
    await expect.poll(() => back.closed?.code, { timeout: 3_000 }).toBe(4003);
    // The ban holds on the creator's other streams too (channel-wide).
    const other = await liveStream(creator);
    expect((await chatToken(target.session, other)).body).toMatchObject({ canChat: false, reason: "BANNED" });
    b.client.close();
  });

  it("warns a user, clears the chat for everyone, and lists actions and chatters to moderators only", async () => {
    const stream = await liveStream(creator);
    const a = await joinChat(alice.session, stream);
    const b = await joinChat(bob.session, stream);
    a.client.send("first words here");
    await b.client.next("message");
    const warn = await creator.call(`/api/streams/${stream}/moderate`, {
      method: "POST",
      body: { action: "warn", targetUserId: alice.userId, reason: "keep it friendly" },
    });
    expect(warn.status).toBe(201);
    expect(await a.client.next("warning")).toEqual({ type: "warning", reason: "keep it friendly" });
    expect(await b.client.saw("warning", () => true, 300)).toBe(false);

    const clear = await creator.call(`/api/streams/${stream}/moderate`, {
      method: "POST",
      body: { action: "clear", reason: "fresh start" },
    });
    expect(clear.status).toBe(201);
    await b.client.next("cleared");
    expect((await bob.session.call<{ messages: unknown[] }>(`/api/streams/${stream}/messages`)).body.messages).toEqual(
      [],
    );

    const chatters = await creator.call<{ chatters: { userId: string; sockets: number }[] }>(
      `/api/streams/${stream}/chat/chatters`,
    );
    expect(chatters.status).toBe(200);
    expect(chatters.body.chatters.map((c) => c.userId).sort()).toEqual([alice.userId, bob.userId].sort());
    const actions = await creator.call<{ actions: { action: string }[] }>(`/api/streams/${stream}/moderation`);
    expect(actions.body.actions.map((x) => x.action)).toEqual(["CLEAR", "WARN"]);
    expect((await bob.session.call(`/api/streams/${stream}/chat/chatters`)).status).toBe(403);
    expect((await bob.session.call(`/api/streams/${stream}/moderation`)).status).toBe(403);
    a.client.close();
    b.client.close();
  });
});

describe("modes and auto-moderation", () => {
  it("applies the creator's slow and followers-only modes at once; viewers cannot change them", async () => {
    const stream = await liveStream(creator);
    const a = await joinChat(alice.session, stream);
    expect(
      (await bob.session.call(`/api/streams/${stream}/chat/modes`, { method: "PATCH", body: { slowModeSeconds: 30 } }))
        .status,
    ).toBe(403);
    expect((await creator.call(`/api/streams/${stream}/chat/modes`, { method: "PATCH", body: {} })).status).toBe(400);
    expect(
      (await creator.call(`/api/streams/${stream}/chat/modes`, { method: "PATCH", body: { slowModeSeconds: 9999 } }))
        .status,
    ).toBe(400);

    const slow = await creator.call(`/api/streams/${stream}/chat/modes`, {
      method: "PATCH",
      body: { slowModeSeconds: 30 },
    });
    expect(slow.body).toEqual({ slowModeSeconds: 30, followersOnly: false, creditOnly: true });
    expect((await a.client.next("modes")).modes.slowModeSeconds).toBe(30);
    a.client.send("first under slow mode");
    await a.client.next("ack");
    a.client.send("second too soon");
    const refused = await a.client.next("rejected");
    expect(refused.code).toBe("SLOW_MODE");
    expect(refused.retryAfterMs).toBeGreaterThan(25_000);

    await creator.call(`/api/streams/${stream}/chat/modes`, {
      method: "PATCH",
      body: { slowModeSeconds: 0, followersOnly: true },
    });
    expect(await a.client.saw("gate", (f) => f.gate.reason === "FOLLOWERS_ONLY", 3_000)).toBe(true);
    expect((await chatToken(alice.session, stream)).body).toMatchObject({ canChat: false, reason: "FOLLOWERS_ONLY" });
    expect((await alice.session.call(`/api/streams/${stream}/chat/modes`)).body).toMatchObject({ followersOnly: true });
    a.client.close();
  });

  it("lets the admin change auto-moderation, which every chat picks up within seconds", async () => {
    const admin = await adminSession();
    expect((await bob.session.call("/api/admin/chat-settings")).status).toBe(403);
    const before = await admin.call<{ customWords: string[] }>("/api/admin/chat-settings");
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ profanity: "mask", spamBlocking: true, linkBlocking: true });
    const bad = await admin.call("/api/admin/chat-settings", {
      method: "PUT",
      body: { ...before.body, allowedDomains: ["not a domain"] },
    });
    expect(bad.status).toBe(400);

    const stream = await liveStream(creator);
    const a = await joinChat(alice.session, stream);
    a.client.send("the word is zorkmid today");
    await a.client.next("ack");
    const put = await admin.call("/api/admin/chat-settings", {
      method: "PUT",
      body: { ...before.body, customWords: ["Zorkmid"], allowedDomains: ["example.org"] },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ customWords: ["zorkmid"] });
    let code = "";
    for (let i = 0; i < 8 && code !== "BLOCKED_WORD"; i++) {
      await sleep(1_000);
      a.client.send(`zorkmid again ${i}`);
      const answer = await a.client.answer();
      code = answer.type === "rejected" ? answer.code : "ack";
    }
    expect(code).toBe("BLOCKED_WORD");
    a.client.send("see https://docs.example.org/page");
    await a.client.next("ack");
    a.client.send("see https://evil.test/page");
    expect(await a.client.next("rejected")).toMatchObject({ code: "LINK_BLOCKED" });
    await admin.call("/api/admin/chat-settings", { method: "PUT", body: before.body });
    a.client.close();
  });
});

describe("the object", () => {
  it("writes behind on its alarm, idempotently, and a woken instance rebuilds from its sockets", async () => {
    const stream = await liveStream(creator);
    const a = await joinChat(alice.session, stream);
    const b = await joinChat(bob.session, stream);
    a.client.send("held until the alarm");
    const ack = await a.client.next("ack");
    const stub = chatObject(stream);
    expect((await stub.describe()).pending).toBe(1);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect((await stub.describe()).pending).toBe(0);
    await stub.flush(); // again: nothing new, nothing doubled
    const rows = await withFixtureDb((db) => db.select().from(chatMessages).where(eq(chatMessages.streamId, stream)));
    expect(rows.map((r) => r.id)).toEqual([ack.messageId]);

    // A new instance over the same storage and sockets is what waking from hibernation gives.
    await runInDurableObject(stub, async (_instance: StreamChat, state) => {
      const woken = new StreamChat(state, env);
      expect((await woken.chatters()).map((c) => c.userId).sort()).toEqual([alice.userId, bob.userId].sort());
      const socket = state.getWebSockets(bob.userId)[0];
      if (!socket) throw new Error("bob's socket is gone");
      await woken.webSocketMessage(socket, JSON.stringify({ type: "send", text: "after waking up", clientId: "w1" }));
      // Two sends at once go out to everyone in one frame.
      await Promise.all([
        woken.webSocketMessage(socket, JSON.stringify({ type: "send", text: "together one" })),
        woken.webSocketMessage(socket, JSON.stringify({ type: "send", text: "together two" })),
      ]);
    });
    await a.client.messageWith("together two");
    expect(a.client.batches).toBe(1);
    expect((await a.client.messageWith("after waking up")).message.userId).toBe(bob.userId);
    expect(await b.client.next("ack")).toMatchObject({ clientId: "w1" });
    a.client.close();
    b.client.close();
  });
});

describe("reports", () => {
  it("files one report per reporter and target, merges a second, and checks the target exists", async () => {
    const a = await joinChat(alice.session, streamId);
    a.client.send("report me if you can");
    const ack = await a.client.next("ack");
    await chatObject(streamId).flush();
    const body = { targetType: "MESSAGE", targetId: ack.messageId, reason: "SPAM", description: "flooding" };
    const first = await bob.session.call<{ id: string; created: boolean }>("/api/reports", { method: "POST", body });
    expect(first.status).toBe(201);
    expect(first.body.created).toBe(true);
    const second = await bob.session.call<{ id: string; created: boolean }>("/api/reports", {
      method: "POST",
      body: { ...body, reason: "HARASSMENT" },
    });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: first.body.id, created: false, reason: "HARASSMENT" });
    expect(
      (await bob.session.call("/api/reports", { method: "POST", body: { ...body, reason: "BORING" } })).status,
    ).toBe(400);
    expect(
      (await bob.session.call("/api/reports", { method: "POST", body: { ...body, targetId: crypto.randomUUID() } }))
        .status,
    ).toBe(404);
    expect((await call("/api/reports", { method: "POST", body })).status).toBe(401);
    a.client.close();
  });
});
