import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { freePort } from "./free-port.ts";
import { startSessionGate } from "./pg-session-gate.ts";

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PGlite served over the Postgres wire protocol. It runs one transaction at a time:
 * good for development and a fresh machine, not for proving concurrency.
 * dataDir undefined keeps the database in memory (tests).
 */
export async function startEmbeddedPostgres(
  options: { dataDir?: string; port?: number } = {},
): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // Extensions the migrations create (0007: pg_trgm for discovery search) must be loaded here.
  const db = await PGlite.create(options.dataDir ?? "memory://", { extensions: { pg_trgm } });
  const innerPort = await freePort();
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: innerPort, maxConnections: 200 });
  await server.start();
  // Clients connect through the gate, which gives PGlite's single session to one connection at a time.
  const gate = await startSessionGate(innerPort, options.port);
  return {
    url: `postgres://postgres@127.0.0.1:${gate.port}/postgres`,
    stop: async () => {
      await gate.stop();
      await server.stop();
      await db.close();
    },
  };
}
