import { DurableObject } from "cloudflare:workers";
import { closeSocket } from "./close-socket.ts";
import { meterClientMessageSchema, type MeterServerMessage, type SessionEndReason } from "../contracts/metering.ts";
import type { StreamStatus } from "../contracts/streams.ts";
import {
  endSession,
  initialState,
  nextAlarmAt,
  processTick,
  settle,
  SETTLE_EVERY_MS,
  ticksStopped,
  type RuntimeDeps,
  type SessionInit,
  type SessionState,
  type TickResponse,
} from "../worker/metering/index.ts";
import { streamChatObject } from "../worker/chat/index.ts";
import { createDb, type DbHandle } from "../worker/platform/db/client.ts";
import { parseConfig } from "../worker/platform/env.ts";
import { createLogger } from "../worker/platform/logger.ts";
import { findStream, liveKitFromConfig } from "../worker/streams/index.ts";

const STREAM_STATUS_TTL_MS = 3_000;

interface TickInput {
  userId: string;
  streamId: string;
  intervalIndex: number;
  playbackMs: number;
}

interface SocketAttachment {
  userId: string;
}

function send(ws: WebSocket, message: MeterServerMessage): void {
  try {
    ws.send(JSON.stringify(message));
  } catch {
    // The socket closed under us; the page reconnects or falls back to POST /api/meter.
    return;
  }
}

/**
 * One object per viewing session: it serializes the session's ticks and wallet debits. A thin
 * shell over worker/metering/session-runtime.ts: it keeps the state in storage, runs one call
 * at a time (a tick awaiting Postgres must not interleave with another tick or the alarm), and
 * wakes itself to end a session whose ticks stopped and to settle the creator's earnings.
 */
export class ViewerSession extends DurableObject<Env> {
  private state: SessionState | null | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private db: DbHandle | null = null;
  private streamStatusCache: { status: StreamStatus | undefined; at: number } | null = null;
  /** Set when the session just ended; announced to open sockets once the current answer is out. */
  private endedReason: SessionEndReason | null = null;
  private runtimeDeps: RuntimeDeps | null = null;

  /** Called once by POST /api/streams/:id/session after the session row exists. */
  async start(init: SessionInit): Promise<void> {
    await this.serialized(async () => {
      if ((await this.load()) !== null) return; // a retried start changes nothing
      await this.save(initialState(init));
    });
  }

  /** POST /api/meter. */
  async tick(tick: TickInput): Promise<TickResponse> {
    const response = await this.tickInOrder(tick);
    this.announceEnd();
    return response;
  }

  private tickInOrder(tick: TickInput): Promise<TickResponse> {
    return this.serialized(async () => {
      const state = await this.load();
      if (!state) return { status: 404, error: { code: "NOT_FOUND", message: "Viewing session not found" } };
      const { state: next, response } = await processTick(
        this.database(),
        { state, tick, now: Date.now() },
        this.deps(),
      );
      await this.save(next);
      return response;
    });
  }

  /** The viewer left, the stream ended or an admin took it down. */
  async end(reason: SessionEndReason): Promise<void> {
    await this.serialized(async () => {
      const state = await this.load();
      if (!state) return;
      await this.save(
        await endSession(this.database(), { state, status: "ENDED", reason, now: Date.now() }, this.deps()),
      );
    });
    this.announceEnd();
  }

  /**
   * The metering WebSocket (GET /api/meter/socket): the Worker authenticated the viewer and
   * forwards the upgrade with the viewer's id. Each tick is a message with the same rules and
   * the same answer as POST /api/meter. Hibernatable: the socket costs nothing between ticks.
   */
  override async fetch(request: Request): Promise<Response> {
    const userId = request.headers.get("x-tollgate-viewer");
    if (request.headers.get("upgrade") !== "websocket" || !userId) return new Response(null, { status: 426 });
    const state = await this.serialized(() => this.load());
    if (!state || state.userId !== userId) return new Response(null, { status: 404 });
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1]);
    pair[1].serializeAttachment({ userId } satisfies SocketAttachment);
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const attachment = ws.deserializeAttachment() as SocketAttachment | null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(typeof message === "string" ? message : new TextDecoder().decode(message));
    } catch {
      parsed = null;
    }
    const frame = meterClientMessageSchema.safeParse(parsed);
    if (!frame.success || !attachment) {
      send(ws, { type: "error", code: "VALIDATION_FAILED", message: "Not a metering message" });
      return;
    }
    if (frame.data.type === "end") {
      await this.end("viewer_left");
      return;
    }
    const state = await this.serialized(() => this.load());
    const { intervalIndex, playbackMs } = frame.data;
    const response = await this.tickInOrder({
      userId: attachment.userId,
      streamId: state?.streamId ?? "",
      intervalIndex,
      playbackMs,
    });
    send(ws, {
      type: "tick_result",
      intervalIndex,
      status: response.status,
      ...(response.result ? { result: response.result } : {}),
      ...(response.error ? { error: response.error } : {}),
    });
    this.announceEnd();
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    closeSocket(ws, code, "closed");
  }

  async describe(): Promise<SessionState | null> {
    return this.serialized(() => this.load());
  }

  /** At-least-once: every step is idempotent (closing a closed session, settling under a used key). */
  override async alarm(): Promise<void> {
    await this.serialized(async () => {
      const state = await this.load();
      if (!state) return;
      const now = Date.now();
      const db = this.database();
      let next = state;
      if (ticksStopped(state, now)) {
        createLogger({ sessionId: state.sessionId }).info("ending a session whose ticks stopped");
        next = await endSession(db, { state, status: "ENDED", reason: "ticks_stopped", now }, this.deps());
      } else if (state.status !== "ACTIVE") {
        next = await settle(db, { state, now, final: true });
      } else if (now - state.lastSettledAt >= SETTLE_EVERY_MS) {
        next = await settle(db, { state, now, final: false });
      }
      await this.save(next);
    });
    this.announceEnd();
  }

  /** Tells open metering sockets why the session ended (after any tick answer), then closes them. */
  private announceEnd(): void {
    const reason = this.endedReason;
    if (!reason) return;
    this.endedReason = null;
    for (const ws of this.ctx.getWebSockets()) {
      send(ws, { type: "ended", reason });
      ws.close(1000, reason);
    }
  }

  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<SessionState | null> {
    if (this.state === undefined) this.state = (await this.ctx.storage.get<SessionState>("state")) ?? null;
    return this.state;
  }

  private async save(state: SessionState): Promise<void> {
    if (this.state?.status === "ACTIVE" && state.status !== "ACTIVE") {
      this.endedReason = state.endReason;
      // The chat's credit gate need not wait for its next recheck: this viewer just ran dry.
      if (state.endReason === "exhausted") {
        streamChatObject(this.env, state.streamId)
          .refreshUser(state.userId)
          .catch((error: unknown) =>
            createLogger({ sessionId: state.sessionId }).warn("chat refresh failed", { error: String(error) }),
          );
      }
    }
    this.state = state;
    await this.ctx.storage.put("state", state);
    const at = nextAlarmAt(state);
    if (at === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(at);
  }

  /** One pool per object, kept while the object lives: no new Postgres connection per tick. */
  private database() {
    if (!this.db) {
      const config = parseConfig(this.env);
      this.db = createDb({ url: config.DATABASE_URL, wsProxy: config.NEON_WS_PROXY, max: 1 });
    }
    return this.db.db;
  }

  /** Built once per object: a tick must not build a LiveKit client or parse the env again. */
  private deps(): RuntimeDeps {
    this.runtimeDeps ??= {
      livekit: liveKitFromConfig(parseConfig(this.env)),
      streamStatus: async (options) => {
        const now = Date.now();
        const hit = this.streamStatusCache;
        if (hit && !options?.fresh && now - hit.at < STREAM_STATUS_TTL_MS) return hit.status;
        const state = this.state;
        const status = state ? (await findStream(this.database(), state.streamId))?.status : undefined;
        this.streamStatusCache = { status, at: now };
        return status;
      },
    };
    return this.runtimeDeps;
  }
}
