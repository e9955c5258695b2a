import { neonConfig, Pool } from "@neondatabase/serverless";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle } from "drizzle-orm/neon-serverless";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";

/** No relational queries: tables are imported from their domain, so the client knows no schema. */
export type Schema = Record<string, never>;
/** Any Drizzle Postgres database over our schema: Neon in the Worker, node-postgres in scripts. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database or an open transaction: query functions take this first. */
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  close(): Promise<void>;
}

/**
 * A Pool per request (Workers cannot share sockets between requests). In dev/test the
 * driver reaches a plain Postgres through the local WebSocket proxy named by wsProxy.
 */
export function createDb(options: {
  url: string;
  wsProxy?: string | undefined;
  max?: number;
  onError?: (error: Error) => void;
}): DbHandle {
  if (options.wsProxy) {
    const proxy = options.wsProxy;
    neonConfig.wsProxy = (host, port) => `${proxy}/v2?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineConnect = false;
    neonConfig.pipelineTLS = false;
  }
  const pool = new Pool({ connectionString: options.url, max: options.max ?? 5, connectionTimeoutMillis: 5000 });
  // An idle client's socket error is reported, not left as an unhandled "error" event.
  pool.on("error", (error: Error) => options.onError?.(error));
  const db = drizzle({ client: pool }) as unknown as Db;
  return { db, close: () => pool.end() };
}
