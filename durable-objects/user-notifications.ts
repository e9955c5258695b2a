import { DurableObject } from "cloudflare:workers";
import { closeSocket } from "./close-socket.ts";
import type { NotificationFrame } from "../contracts/notifications.ts";
import {
  countUnread,
  type FeedPosition,
  latestFeedPosition,
  listNotificationsSince,
} from "../worker/notifications/index.ts";
import { createDb, type DbHandle } from "../worker/platform/db/client.ts";
import { parseConfig } from "../worker/platform/env.ts";

/** How often an object with open tabs looks for new notifications: the 2 s promise, with margin. */
export const FEED_POLL_MS = 1500;

/**
 * One object per user: their open tabs' WebSockets (Hibernation API). While a tab is open it
 * reads the user's new in-app notifications every FEED_POLL_MS (one indexed query on
 * (user_id, created_at)) and pushes them with the unread count; with no tab open it does
 * nothing. Polling from here, rather than every trigger pushing, means whatever books a
 * notification (a queue consumer, a webhook, a moderator) reaches the tabs with no extra wiring,
 * and the cost grows with users online, not with followers notified.
 */
export class UserNotifications extends DurableObject<Env> {
  private db: DbHandle | undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('{"type":"ping"}', '{"type":"pong"}'));
  }

  /** The Worker has authenticated the user and passes their id; it upgrades here. */
  override async fetch(request: Request): Promise<Response> {
    const userId = request.headers.get("x-tollgate-user");
    if (request.headers.get("upgrade") !== "websocket" || !userId) {
      return Response.json(
        { error: { code: "BAD_REQUEST", message: "This endpoint speaks WebSocket only" } },
        { status: 426 },
      );
    }
    await this.ctx.storage.put("userId", userId);
    const db = this.database();
    if (this.ctx.getWebSockets().length === 0 || !(await this.ctx.storage.get<FeedPosition>("position"))) {
      await this.ctx.storage.put("position", await latestFeedPosition(db, userId));
    }
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server);
    send(server, { type: "unread", unreadCount: await countUnread(db, userId) });
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + FEED_POLL_MS);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async alarm(): Promise<void> {
    const sockets = this.ctx.getWebSockets();
    const userId = await this.ctx.storage.get<string>("userId");
    const position = await this.ctx.storage.get<FeedPosition>("position");
    if (sockets.length === 0 || !userId || !position) return; // nobody watching: stop until a tab opens
    const db = this.database();
    const next = await listNotificationsSince(db, { userId, after: position, limit: 20 });
    if (next.notifications.length > 0) {
      await this.ctx.storage.put("position", next.position);
      const frame: NotificationFrame = {
        type: "notifications",
        notifications: next.notifications,
        unreadCount: await countUnread(db, userId),
      };
      for (const ws of this.ctx.getWebSockets()) send(ws, frame);
    }
    await this.ctx.storage.setAlarm(Date.now() + FEED_POLL_MS);
  }

  /** A tab marked something read: every other tab's badge follows. */
  async unreadChanged(): Promise<void> {
    const userId = await this.ctx.storage.get<string>("userId");
    const sockets = this.ctx.getWebSockets();
    if (!userId || sockets.length === 0) return;
    const frame: NotificationFrame = { type: "unread", unreadCount: await countUnread(this.database(), userId) };
    for (const ws of sockets) send(ws, frame);
  }

  override async webSocketMessage(): Promise<void> {
    // Tabs only listen; "ping" is answered by the auto-response without waking the object.
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    closeSocket(ws, code, "closed");
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    closeSocket(ws, 1011, "error");
  }

  private database() {
    if (!this.db) {
      const config = parseConfig(this.env);
      this.db = createDb({ url: config.DATABASE_URL, wsProxy: config.NEON_WS_PROXY, max: 1 });
    }
    return this.db.db;
  }
}

function send(ws: WebSocket, frame: NotificationFrame): void {
  try {
    ws.send(JSON.stringify(frame));
  } catch {
    return; // the tab went away between the list and the send; its close handler tidies up
  }
}
