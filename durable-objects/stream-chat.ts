import { DurableObject } from "cloudflare:workers";
import { closeSocket } from "./close-socket.ts";
import {
  CHAT_CLOSE_BANNED,
  CHAT_GATE_RECHECK_MS,
  CHAT_HISTORY_ON_CONNECT,
  chatClientMessageSchema,
  type AutoModSettings,
  type ChatGate,
  type ChatMessageDto,
  type ChatModes,
  type ChatServerMessage,
  type ChatterDto,
} from "../contracts/chat.ts";
import { loadSigningKeys } from "../worker/auth/index.ts";
import {
  admitMessage,
  allowanceOf,
  buildAutoMod,
  emptySender,
  evaluateGate,
  getAutoModSettings,
  getChatModes,
  listChatMessages,
  loadSendersFacts,
  prepareChatText,
  recordMessage,
  saveChatMessages,
  verifyChatToken,
  type AutoMod,
  type ChatEffect,
  type ChatIdentity,
  type SenderFacts,
  type SenderState,
} from "../worker/chat/index.ts";
import { createDb, type DbHandle } from "../worker/platform/db/client.ts";
import { parseConfig } from "../worker/platform/env.ts";
import { createLogger } from "../worker/platform/logger.ts";
import { findStream } from "../worker/streams/index.ts";

/** How long the object trusts its copies of the stream's status, modes and the auto-mod settings. */
const SETTINGS_TTL_MS = 5_000;
/** Accepted messages reach Postgres this long after the first unflushed one. */
const FLUSH_DELAY_MS = 1_000;
const FLUSH_RETRY_MS = 5_000;
const FLUSH_BATCH = 500;
/** Messages accepted within this window reach every socket in one frame. */
const BROADCAST_WINDOW_MS = 25;
/** Messages kept in the object's own SQLite once written to Postgres (history on connect). */
const KEEP_RECENT = 200;

interface StreamInfo {
  id: string;
  creatorId: string;
  ended: boolean;
}

interface Cached<T> {
  at: number;
  value: Promise<T>;
}

function frame(message: ChatServerMessage): string {
  return JSON.stringify(message);
}

function send(ws: WebSocket, message: ChatServerMessage | string): void {
  try {
    ws.send(typeof message === "string" ? message : frame(message));
  } catch {
    // The socket closed under us; its close event cleans up.
    return;
  }
}

function errorResponse(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/**
 * One object per stream: the chat's WebSockets on the Hibernation API. A thin shell over the
 * pure rules in worker/chat (text, sender limits, auto-mod, gate): it verifies the chat token,
 * keeps each socket's identity in its attachment, writes accepted messages to its own SQLite
 * before anyone sees them and behind to Postgres on an alarm (idempotent ids), and applies
 * moderation the Worker recorded.
 */
export class StreamChat extends DurableObject<Env> {
  private db: DbHandle | null = null;
  private stream: Cached<StreamInfo | null> | null = null;
  private modes: Cached<ChatModes> | null = null;
  private autoMod: Cached<{ settings: AutoModSettings; mod: AutoMod }> | null = null;
  private readonly facts = new Map<string, Cached<SenderFacts>>();
  private factQueue = new Map<string, { resolve: (f: SenderFacts) => void; reject: (e: unknown) => void }[]>();
  private factLoop: Promise<void> | null = null;
  private flushScheduled = false;
  private outbox: ChatMessageDto[] = [];
  private outboxTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    sql.exec(`CREATE TABLE IF NOT EXISTS recent (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      user_id TEXT NOT NULL,
      body TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0,
      flushed INTEGER NOT NULL DEFAULT 0
    )`);
    sql.exec(`CREATE TABLE IF NOT EXISTS sender (user_id TEXT PRIMARY KEY, state TEXT NOT NULL, at INTEGER NOT NULL)`);
    sql.exec(`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
    // Keep-alive pings are answered without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('{"type":"ping"}', '{"type":"pong"}'));
  }

  // ---- connecting ----

  /** GET /api/streams/:id/chat?token=… forwarded by the Worker (x-tollgate-stream names the stream). */
  override async fetch(request: Request): Promise<Response> {
    const streamId = request.headers.get("x-tollgate-stream");
    if (request.headers.get("upgrade") !== "websocket" || !streamId) {
      return errorResponse(426, "BAD_REQUEST", "This endpoint speaks WebSocket only");
    }
    const token = new URL(request.url).searchParams.get("token") ?? "";
    const config = parseConfig(this.env);
    const keys = await loadSigningKeys(config.JWT_PRIVATE_KEY, config.JWT_KEY_ID);
    const check = await verifyChatToken(keys, token, streamId);
    if (!check.ok) {
      return errorResponse(
        401,
        "CHAT_TOKEN_INVALID",
        check.reason === "expired" ? "The chat token has expired; get a new one" : "The chat token is not valid",
      );
    }
    const identity = check.identity;
    this.remember("stream", streamId);
    const stream = await this.streamInfo();
    if (!stream) return errorResponse(404, "NOT_FOUND", "Stream not found");
    await this.seedRecent(stream);

    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server, [identity.userId]);
    server.serializeAttachment(identity);

    const facts = await this.senderFacts(identity.userId, stream.creatorId);
    const gate = evaluateGate(
      {
        ...this.gateIdentity(identity),
        ...facts,
        isFollower: identity.isFollower,
        streamEnded: stream.ended,
        modes: await this.chatModes(),
      },
      Date.now(),
    );
    if (gate.reason === "BANNED") {
      send(server, {
        type: "banned",
        reason: facts.ban?.reason ?? "You are banned from this chat",
        ...(gate.until ? { until: gate.until } : {}),
      });
      server.close(CHAT_CLOSE_BANNED, "banned");
      return new Response(null, { status: 101, webSocket: client });
    }
    send(server, {
      type: "welcome",
      you: {
        userId: identity.userId,
        displayName: identity.displayName,
        badge: identity.badge,
        canModerate: identity.canModerate,
      },
      gate,
      modes: await this.chatModes(),
      allowance: allowanceOf(this.sender(identity.userId), Date.now(), identity.canModerate),
      history: this.history(),
    });
    return new Response(null, { status: 101, webSocket: client });
  }

  // ---- sending ----

  override async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer): Promise<void> {
    const identity = ws.deserializeAttachment() as ChatIdentity | null;
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(typeof raw === "string" ? raw : new TextDecoder().decode(raw));
    } catch {
      parsed = null;
    }
    const message = chatClientMessageSchema.safeParse(parsed);
    if (!message.success || !identity) {
      send(ws, { type: "error", code: "VALIDATION_FAILED", message: "Not a chat message" });
      return;
    }
    if (message.data.type === "ping") {
      send(ws, { type: "pong" });
      return;
    }
    const { text: rawText, clientId } = message.data;
    const echo = clientId === undefined ? {} : { clientId };

    let context;
    try {
      const stream = await this.streamInfo();
      if (!stream) throw new Error("the stream of this chat is gone");
      const [facts, modes, autoMod] = await Promise.all([
        this.senderFacts(identity.userId, stream.creatorId),
        this.chatModes(),
        this.autoModerator(),
      ]);
      context = { stream, facts, modes, autoMod };
    } catch (error) {
      // Postgres is slow or away: the sender hears so and may retry; nothing was accepted.
      createLogger({ object: "StreamChat" }).warn("chat send could not be checked", { error: String(error) });
      send(ws, { type: "rejected", ...echo, code: "UNAVAILABLE", message: "Chat is busy; try again in a moment" });
      return;
    }
    const { stream, facts, modes, autoMod } = context;
    // From here to the broadcast nothing awaits: the sender's window is read and written at once.
    const now = Date.now();
    const gate = evaluateGate(
      { ...this.gateIdentity(identity), ...facts, isFollower: identity.isFollower, streamEnded: stream.ended, modes },
      now,
    );
    if (!gate.canSend) {
      send(ws, { type: "rejected", ...echo, code: gate.reason ?? "NO_CREDIT", message: gateMessage(gate) });
      send(ws, { type: "gate", gate });
      return;
    }
    const prepared = prepareChatText(rawText);
    if (!prepared.ok) {
      send(ws, { type: "rejected", ...echo, code: prepared.code, message: prepared.message });
      return;
    }
    const sender = this.sender(identity.userId);
    const exempt = identity.canModerate;
    const admission = admitMessage(sender, { now, slowModeSeconds: modes.slowModeSeconds, exempt });
    if (!admission.ok) {
      send(ws, {
        type: "rejected",
        ...echo,
        code: admission.code,
        message: admission.message,
        retryAfterMs: admission.retryAfterMs,
        allowance: admission.allowance,
      });
      return;
    }
    const verdict = autoMod.mod.review(prepared.text, sender, now);
    if (!verdict.ok) {
      send(ws, {
        type: "rejected",
        ...echo,
        code: verdict.code,
        message: verdict.message,
        allowance: admission.allowance,
      });
      return;
    }
    const next = recordMessage(sender, prepared.text, now);
    const accepted: ChatMessageDto = {
      id: crypto.randomUUID(),
      streamId: stream.id,
      userId: identity.userId,
      displayName: identity.displayName,
      avatarUrl: identity.avatarUrl,
      badge: identity.badge,
      text: verdict.text,
      createdAt: new Date(now).toISOString(),
    };
    const sql = this.ctx.storage.sql;
    sql.exec(
      `INSERT INTO sender (user_id, state, at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET state = excluded.state, at = excluded.at`,
      identity.userId,
      JSON.stringify(next),
      now,
    );
    sql.exec(
      `INSERT INTO recent (id, user_id, body, created_at) VALUES (?, ?, ?, ?)`,
      accepted.id,
      accepted.userId,
      JSON.stringify(accepted),
      now,
    );
    this.scheduleFlush();
    // The output gate holds these frames until the rows above are durable: nothing shown is lost.
    this.queueBroadcast(accepted);
    send(ws, {
      type: "ack",
      ...echo,
      messageId: accepted.id,
      text: accepted.text,
      allowance: allowanceOf(next, now, exempt),
    });
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    closeSocket(ws, code, "closed");
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    closeSocket(ws, 1011, "error");
  }

  // ---- RPC from the Worker ----

  /** Applies a moderation or mode change the Worker has recorded in Postgres. */
  async apply(effect: ChatEffect): Promise<void> {
    switch (effect.kind) {
      case "delete":
        this.hideRecent(effect.messageIds);
        this.broadcast({ type: "deleted", messageIds: effect.messageIds });
        return;
      case "clear": {
        this.ctx.storage.sql.exec(`UPDATE recent SET deleted = 1, flushed = 0 WHERE deleted = 0`);
        this.scheduleFlush();
        this.broadcast({ type: "cleared" });
        return;
      }
      case "ban": {
        const ids = this.ctx.storage.sql
          .exec<{ id: string }>(`SELECT id FROM recent WHERE user_id = ? AND deleted = 0`, effect.userId)
          .toArray()
          .map((r) => r.id);
        this.hideRecent(ids);
        this.patchFacts(effect.userId, (f) => ({
          ...f,
          ban: { until: effect.until ? new Date(effect.until) : null, reason: effect.reason },
        }));
        if (ids.length) this.broadcast({ type: "deleted", messageIds: ids });
        for (const ws of this.ctx.getWebSockets(effect.userId)) {
          send(ws, { type: "banned", reason: effect.reason, ...(effect.until ? { until: effect.until } : {}) });
          ws.close(CHAT_CLOSE_BANNED, "banned");
        }
        return;
      }
      case "mute": {
        this.patchFacts(effect.userId, (f) => ({ ...f, mute: { until: new Date(effect.until), reason: null } }));
        await this.pushGate(effect.userId);
        return;
      }
      case "warn":
        for (const ws of this.ctx.getWebSockets(effect.userId)) send(ws, { type: "warning", reason: effect.reason });
        return;
      case "modes": {
        this.modes = { at: Date.now(), value: Promise.resolve(effect.modes) };
        this.broadcast({ type: "modes", modes: effect.modes });
        const users = new Set(this.identities().map((i) => i.userId));
        await Promise.all([...users].map((u) => this.pushGate(u)));
        return;
      }
    }
  }

  /** The balance, ban or mute of a user may have changed (metering ran dry, a top-up): look again. */
  async refreshUser(userId: string): Promise<void> {
    this.facts.delete(userId);
    if (this.ctx.getWebSockets(userId).length) await this.pushGate(userId);
  }

  /** Who is connected, one row per user. */
  async chatters(): Promise<ChatterDto[]> {
    const byUser = new Map<string, ChatterDto>();
    for (const identity of this.identities()) {
      const row = byUser.get(identity.userId);
      if (row) row.sockets += 1;
      else
        byUser.set(identity.userId, {
          userId: identity.userId,
          displayName: identity.displayName,
          badge: identity.badge,
          sockets: 1,
        });
    }
    return [...byUser.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** Writes every pending message to Postgres now (moderation looks a fresh message up there). */
  async flush(): Promise<number> {
    return this.flushPending();
  }

  /** Test and operator view: counts of what the object holds. */
  async describe(): Promise<{ sockets: number; pending: number; recent: number }> {
    const sql = this.ctx.storage.sql;
    const count = (q: string) => sql.exec<{ n: number }>(q).one().n;
    return {
      sockets: this.ctx.getWebSockets().length,
      pending: count(`SELECT count(*) AS n FROM recent WHERE flushed = 0`),
      recent: count(`SELECT count(*) AS n FROM recent`),
    };
  }

  // ---- write-behind ----

  /** At-least-once: the insert is idempotent on the message id and only ever sets deleted_at. */
  override async alarm(): Promise<void> {
    this.flushScheduled = false;
    try {
      await this.flushPending();
    } catch (error) {
      createLogger({ object: "StreamChat" }).error("chat flush failed; retrying", { error: String(error) });
      this.flushScheduled = true;
      await this.ctx.storage.setAlarm(Date.now() + FLUSH_RETRY_MS);
      return;
    }
    const sql = this.ctx.storage.sql;
    sql.exec(
      `DELETE FROM recent WHERE flushed = 1 AND seq <= (SELECT coalesce(max(seq), 0) FROM recent) - ?`,
      KEEP_RECENT,
    );
    sql.exec(`DELETE FROM sender WHERE at < ?`, Date.now() - 60 * 60_000);
    if (sql.exec<{ n: number }>(`SELECT count(*) AS n FROM recent WHERE flushed = 0`).one().n > 0) this.scheduleFlush();
  }

  private async flushPending(): Promise<number> {
    const streamId = this.recall("stream");
    if (!streamId) return 0;
    const sql = this.ctx.storage.sql;
    let total = 0;
    for (;;) {
      const rows = sql
        .exec<{ seq: number; id: string; user_id: string; body: string; created_at: number; deleted: number }>(
          `SELECT seq, id, user_id, body, created_at, deleted FROM recent WHERE flushed = 0 ORDER BY seq LIMIT ?`,
          FLUSH_BATCH,
        )
        .toArray();
      if (rows.length === 0) return total;
      await saveChatMessages(
        this.database(),
        rows.map((r) => ({
          id: r.id,
          streamId,
          userId: r.user_id,
          text: (JSON.parse(r.body) as ChatMessageDto).text,
          createdAt: new Date(r.created_at),
          deleted: r.deleted === 1,
        })),
      );
      // A row deleted while the insert was in flight stays pending: the next flush carries the deletion.
      for (const r of rows) sql.exec(`UPDATE recent SET flushed = 1 WHERE seq = ? AND deleted = ?`, r.seq, r.deleted);
      total += rows.length;
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    void this.ctx.storage.setAlarm(Date.now() + FLUSH_DELAY_MS);
  }

  // ---- state ----

  private history(): ChatMessageDto[] {
    return this.ctx.storage.sql
      .exec<{ body: string }>(
        `SELECT body FROM (SELECT seq, body FROM recent WHERE deleted = 0 ORDER BY seq DESC LIMIT ?) ORDER BY seq`,
        CHAT_HISTORY_ON_CONNECT,
      )
      .toArray()
      .map((r) => JSON.parse(r.body) as ChatMessageDto);
  }

  /** A fresh object (new deployment, lost storage) starts from what Postgres holds. */
  private async seedRecent(stream: StreamInfo): Promise<void> {
    if (this.recall("seeded")) return;
    const { messages } = await listChatMessages(this.database(), {
      streamId: stream.id,
      creatorId: stream.creatorId,
      limit: CHAT_HISTORY_ON_CONNECT,
    });
    if (this.recall("seeded")) return; // another connect seeded it while we read
    const sql = this.ctx.storage.sql;
    for (const m of messages) {
      sql.exec(
        `INSERT INTO recent (id, user_id, body, created_at, flushed) VALUES (?, ?, ?, ?, 1) ON CONFLICT (id) DO NOTHING`,
        m.id,
        m.userId,
        JSON.stringify(m),
        Date.parse(m.createdAt),
      );
    }
    this.remember("seeded", "1");
  }

  private hideRecent(ids: readonly string[]): void {
    const sql = this.ctx.storage.sql;
    for (const id of ids) sql.exec(`UPDATE recent SET deleted = 1, flushed = 0 WHERE id = ? AND deleted = 0`, id);
    if (ids.length) this.scheduleFlush();
  }

  private sender(userId: string): SenderState {
    const row = this.ctx.storage.sql
      .exec<{ state: string }>(`SELECT state FROM sender WHERE user_id = ?`, userId)
      .toArray()[0];
    return row ? (JSON.parse(row.state) as SenderState) : emptySender();
  }

  private identities(): ChatIdentity[] {
    return this.ctx.getWebSockets().flatMap((ws) => {
      const identity = ws.deserializeAttachment() as ChatIdentity | null;
      return identity ? [identity] : [];
    });
  }

  private gateIdentity(identity: ChatIdentity) {
    return { role: identity.role, isBroadcaster: identity.isBroadcaster, emailVerified: identity.emailVerified };
  }

  private async pushGate(userId: string): Promise<void> {
    const sockets = this.ctx.getWebSockets(userId);
    const first = sockets[0]?.deserializeAttachment() as ChatIdentity | null | undefined;
    const stream = await this.streamInfo();
    if (!first || !stream) return;
    const facts = await this.senderFacts(userId, stream.creatorId);
    const gate = evaluateGate(
      {
        ...this.gateIdentity(first),
        ...facts,
        isFollower: first.isFollower,
        streamEnded: stream.ended,
        modes: await this.chatModes(),
      },
      Date.now(),
    );
    for (const ws of sockets) send(ws, { type: "gate", gate });
  }

  /**
   * Accepted messages go out together every BROADCAST_WINDOW_MS: under load one frame carries
   * many messages, so the object sends one frame per socket per window instead of one per message.
   */
  private queueBroadcast(message: ChatMessageDto): void {
    this.outbox.push(message);
    this.outboxTimer ??= setTimeout(() => this.flushOutbox(), BROADCAST_WINDOW_MS);
  }

  private flushOutbox(): void {
    this.outboxTimer = null;
    const messages = this.outbox;
    this.outbox = [];
    const [only] = messages;
    if (messages.length === 1 && only) this.broadcast({ type: "message", message: only });
    else if (messages.length > 1) this.broadcast({ type: "messages", messages });
  }

  private broadcast(message: ChatServerMessage): void {
    // A deletion or a clear must not overtake the messages it concerns.
    if (message.type !== "message" && message.type !== "messages" && this.outbox.length) {
      if (this.outboxTimer) clearTimeout(this.outboxTimer);
      this.flushOutbox();
    }
    const payload = frame(message);
    for (const ws of this.ctx.getWebSockets()) send(ws, payload);
  }

  private remember(key: string, value: string): void {
    this.ctx.storage.sql.exec(
      `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      key,
      value,
    );
  }

  private recall(key: string): string | null {
    return (
      this.ctx.storage.sql.exec<{ value: string }>(`SELECT value FROM meta WHERE key = ?`, key).toArray()[0]?.value ??
      null
    );
  }

  // ---- cached reads (concurrent callers share one read) ----

  private cached<T>(slot: Cached<T> | null, ttl: number, load: () => Promise<T>): Cached<T> {
    const now = Date.now();
    if (slot && now - slot.at < ttl) return slot;
    const value = load();
    // A failed read is not kept: the next caller tries again.
    value.catch(() => undefined);
    return { at: now, value };
  }

  private streamInfo(): Promise<StreamInfo | null> {
    const id = this.recall("stream");
    if (!id) return Promise.resolve(null);
    this.stream = this.cached(this.stream, SETTINGS_TTL_MS, async () => {
      const row = await findStream(this.database(), id);
      return row ? { id: row.id, creatorId: row.creatorId, ended: row.status === "ENDED" } : null;
    });
    return this.stream.value.catch((error: unknown) => {
      this.stream = null;
      throw error;
    });
  }

  private chatModes(): Promise<ChatModes> {
    const id = this.recall("stream") ?? "";
    this.modes = this.cached(this.modes, SETTINGS_TTL_MS, () => getChatModes(this.database(), id));
    return this.modes.value;
  }

  private autoModerator(): Promise<{ settings: AutoModSettings; mod: AutoMod }> {
    const previous = this.autoMod;
    this.autoMod = this.cached(this.autoMod, SETTINGS_TTL_MS, async () => {
      const settings = await getAutoModSettings(this.database());
      const old = previous ? await previous.value.catch(() => null) : null;
      // Building the profanity matcher is the costly part: only when the settings changed.
      if (old && JSON.stringify(old.settings) === JSON.stringify(settings)) return old;
      return { settings, mod: buildAutoMod(settings) };
    });
    return this.autoMod.value;
  }

  private senderFacts(userId: string, creatorId: string): Promise<SenderFacts> {
    const slot = this.cached(this.facts.get(userId) ?? null, CHAT_GATE_RECHECK_MS, () =>
      this.requestFacts(userId, creatorId),
    );
    this.facts.set(userId, slot);
    return slot.value.catch((error: unknown) => {
      if (this.facts.get(userId) === slot) this.facts.delete(userId);
      throw error;
    });
  }

  /**
   * Senders whose facts are due are read together: the first goes at once, and everyone who asks
   * while that read is out joins the next one (two queries per batch, whatever its size).
   */
  private requestFacts(userId: string, creatorId: string): Promise<SenderFacts> {
    return new Promise<SenderFacts>((resolve, reject) => {
      const waiting = this.factQueue.get(userId) ?? [];
      waiting.push({ resolve, reject });
      this.factQueue.set(userId, waiting);
      this.factLoop ??= this.drainFacts(creatorId).finally(() => {
        this.factLoop = null;
      });
    });
  }

  private async drainFacts(creatorId: string): Promise<void> {
    while (this.factQueue.size > 0) {
      const batch = this.factQueue;
      this.factQueue = new Map();
      try {
        const facts = await loadSendersFacts(this.database(), { userIds: [...batch.keys()], creatorId });
        for (const [userId, waiting] of batch) {
          const mine = facts.get(userId);
          for (const w of waiting) {
            if (mine) w.resolve(mine);
            else w.reject(new Error("sender facts missing"));
          }
        }
      } catch (error) {
        for (const waiting of batch.values()) for (const w of waiting) w.reject(error);
      }
    }
  }

  private patchFacts(userId: string, patch: (facts: SenderFacts) => SenderFacts): void {
    const slot = this.facts.get(userId);
    if (slot) this.facts.set(userId, { at: slot.at, value: slot.value.then(patch) });
  }

  /** One pool per object, kept while the object lives. */
  private database() {
    if (!this.db) {
      const config = parseConfig(this.env);
      // Two: a write-behind flush does not hold up the senders' checks.
      this.db = createDb({ url: config.DATABASE_URL, wsProxy: config.NEON_WS_PROXY, max: 2 });
    }
    return this.db.db;
  }
}

function gateMessage(gate: ChatGate): string {
  switch (gate.reason) {
    case "NO_CREDIT":
      return "Chat needs credits: top up to send messages";
    case "BANNED":
      return "You are banned from this chat";
    case "MUTED":
      return "You are muted in this chat";
    case "FOLLOWERS_ONLY":
      return "This chat is for followers only";
    case "EMAIL_UNVERIFIED":
      return "Confirm your email address to chat";
    case "STREAM_ENDED":
      return "This stream has ended; its chat is read-only";
    default:
      return "You cannot send messages here";
  }
}
