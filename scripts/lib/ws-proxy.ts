import { createRequire } from "node:module";
import net from "node:net";
import type { WebSocket, WebSocketServer as WsServer } from "ws";

// Loaded through require: under the Workers test plugin's resolve conditions "ws" maps to its browser stub.
const { WebSocketServer } = createRequire(import.meta.url)("ws") as { WebSocketServer: typeof WsServer };

/**
 * The WebSocket-to-TCP bridge the Neon serverless driver needs to reach a plain Postgres
 * (Neon runs the same bridge in production). Only loopback targets are allowed.
 */
export interface WsProxy {
  port: number;
  /** Value for NEON_WS_PROXY: host:port the Worker's driver connects to. */
  address: string;
  stop(): Promise<void>;
}

const TERMINATE = 0x58; // Postgres frontend 'X' message: the client is closing the session.

export async function startWsProxy(options: { port?: number; host?: string } = {}): Promise<WsProxy> {
  const host = options.host ?? "127.0.0.1";
  const server = new WebSocketServer({ host, port: options.port ?? 0 });
  const sockets = new Set<net.Socket>();
  server.on("connection", (ws, req) => bridge(ws, req.url ?? "", sockets));
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  const addr = server.address();
  if (typeof addr === "string" || addr === null) throw new Error("ws proxy: no TCP address");
  return {
    port: addr.port,
    address: `${host}:${addr.port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        for (const c of server.clients) c.terminate();
        server.close(() => resolve());
      }),
  };
}

function bridge(ws: WebSocket, url: string, sockets: Set<net.Socket>): void {
  const target = new URL(url, "http://proxy").searchParams.get("address") ?? "";
  const match = /^(127\.0\.0\.1|localhost|\[::1\]):(\d+)$/.exec(target);
  if (!match) {
    ws.close(1008, "target not allowed");
    return;
  }
  const tcp = net.connect({ host: match[1] === "[::1]" ? "::1" : match[1], port: Number(match[2]) });
  tcp.setNoDelay(true);
  sockets.add(tcp);
  const pending: Buffer[] = [];
  let connected = false;
  tcp.on("connect", () => {
    connected = true;
    for (const chunk of pending) tcp.write(chunk);
    pending.length = 0;
  });
  tcp.on("data", (data) => {
    if (ws.readyState === ws.OPEN) ws.send(data);
  });
  tcp.on("close", () => {
    sockets.delete(tcp);
    if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close();
  });
  tcp.on("error", () => tcp.destroy());
  ws.on("message", (data: Buffer) => {
    const chunk = Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
    if (connected) tcp.write(chunk);
    else pending.push(chunk);
    // A Terminate message ends the session: close the TCP side or the backend lingers.
    if (chunk.length >= 5 && chunk[chunk.length - 5] === TERMINATE && chunk.readInt32BE(chunk.length - 4) === 4) {
      tcp.end();
    }
  });
  ws.on("close", () => tcp.end());
  ws.on("error", () => tcp.destroy());
}
