import net from "node:net";
import { freePort } from "./free-port.ts";

/**
 * A TCP front for the embedded PGlite server that lets one client connection at a time talk
 * to it, from its first message until the server is idle again (ReadyForQuery 'I', nothing
 * outstanding). PGlite is a single session: without this gate, two connections' extended-
 * protocol messages interleave (one's Bind meets the other's Parse) and transactions mix.
 * Real Postgres needs none of this; it is for the embedded dev/test database only.
 */
export async function startSessionGate(
  upstreamPort: number,
  listenPort?: number,
): Promise<{ port: number; stop(): Promise<void> }> {
  const port = listenPort ?? (await freePort());
  let owner: Connection | null = null;
  const waiting: Connection[] = [];
  const connections = new Set<Connection>();

  const grant = () => {
    while (!owner) {
      const next = waiting.shift();
      if (!next) return;
      if (next.closed) continue;
      owner = next;
      next.flush();
    }
  };
  const release = (c: Connection) => {
    if (owner !== c) return;
    owner = null;
    grant();
  };

  class Connection {
    readonly upstream: net.Socket;
    closed = false;
    private queue: Buffer[] = [];
    private clientBuf = Buffer.alloc(0);
    private serverBuf = Buffer.alloc(0);
    private started = false;
    private outstanding = 0;
    private idle = true;
    private rawReplyBytes = 0;

    readonly client: net.Socket;

    constructor(client: net.Socket) {
      this.client = client;
      this.upstream = net.connect(upstreamPort, "127.0.0.1");
      this.upstream.setNoDelay(true);
      client.setNoDelay(true);
      client.on("data", (d: Buffer) => this.fromClient(d));
      this.upstream.on("data", (d: Buffer) => this.fromServer(d));
      const close = () => this.close();
      client.on("close", close);
      client.on("error", close);
      this.upstream.on("close", close);
      this.upstream.on("error", close);
    }

    /** Splits the client stream into whole messages and queues them behind the gate. */
    private fromClient(data: Buffer) {
      this.clientBuf = Buffer.concat([this.clientBuf, data]);
      for (;;) {
        if (!this.started) {
          if (this.clientBuf.length < 8) return;
          const len = this.clientBuf.readInt32BE(0);
          if (this.clientBuf.length < len) return;
          const code = this.clientBuf.readInt32BE(4);
          const msg = this.clientBuf.subarray(0, len);
          this.clientBuf = this.clientBuf.subarray(len);
          if (code === 80877103 || code === 80877104) {
            this.rawReplyBytes += 1; // SSL/GSS request: the server answers one raw byte
            this.enqueue(msg, false);
          } else if (code === 80877102) {
            this.enqueue(msg, false); // cancel request: no reply expected
          } else {
            this.started = true;
            this.enqueue(msg, true); // startup: ends with ReadyForQuery
          }
          continue;
        }
        if (this.clientBuf.length < 5) return;
        const len = this.clientBuf.readInt32BE(1) + 1;
        if (this.clientBuf.length < len) return;
        const type = String.fromCharCode(this.clientBuf[0] ?? 0);
        const msg = this.clientBuf.subarray(0, len);
        this.clientBuf = this.clientBuf.subarray(len);
        this.enqueue(msg, type === "S" || type === "Q");
      }
    }

    private enqueue(msg: Buffer, expectsReady: boolean) {
      if (expectsReady) this.outstanding += 1;
      this.queue.push(msg);
      if (owner === this) this.flush();
      else if (!waiting.includes(this)) {
        waiting.push(this);
        grant();
      }
    }

    flush() {
      if (this.queue.length) {
        this.idle = false;
        this.upstream.write(Buffer.concat(this.queue));
        this.queue = [];
      }
    }

    /** Passes server bytes through, watching ReadyForQuery to know when to open the gate. */
    private fromServer(data: Buffer) {
      if (!this.client.destroyed) this.client.write(data);
      this.serverBuf = Buffer.concat([this.serverBuf, data]);
      if (this.rawReplyBytes > 0 && this.serverBuf.length > 0) {
        const n = Math.min(this.rawReplyBytes, this.serverBuf.length);
        this.serverBuf = this.serverBuf.subarray(n);
        this.rawReplyBytes -= n;
        if (this.outstanding === 0 && this.rawReplyBytes === 0) this.maybeRelease();
      }
      while (this.serverBuf.length >= 5) {
        const len = this.serverBuf.readInt32BE(1) + 1;
        if (this.serverBuf.length < len) return;
        if (this.serverBuf[0] === 0x5a /* Z */) {
          this.outstanding = Math.max(0, this.outstanding - 1);
          this.idle = this.serverBuf[5] === 0x49; /* I: not in a transaction */
          this.maybeRelease();
        }
        this.serverBuf = this.serverBuf.subarray(len);
      }
    }

    private maybeRelease() {
      if (this.outstanding === 0 && this.idle && this.queue.length === 0) release(this);
    }

    close() {
      if (this.closed) return;
      this.closed = true;
      connections.delete(this);
      this.client.destroy();
      this.upstream.destroy();
      release(this);
    }
  }

  const server = net.createServer((socket) => {
    connections.add(new Connection(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const c of connections) c.close();
        server.close(() => resolve());
      }),
  };
}
