import { randomBytes } from "node:crypto";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

export type ScriptDb = NodePgDatabase;

/** Opens a node-postgres pool for scripts (migrations, seed, test setup, benchmarks). */
export function openDb(url: string, max = 4): { db: ScriptDb; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max });
  return { db: drizzle(pool), pool };
}

/**
 * The role the app connects as (migration 0005): DML grants only, owns no table, so it cannot ALTER,
 * DROP, TRUNCATE or DISABLE TRIGGER. Migrations and seeding connect as the owner.
 */
export const APP_ROLE = "tollgate_app";

/**
 * The owner's URL with the app role as user. The role has no password: this works where the server
 * trusts loopback (this box, CI); elsewhere give the role a password and set the URL yourself.
 */
export function appRoleUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = "";
  return url.toString();
}

export async function migrateDatabase(url: string): Promise<void> {
  const { db, pool } = openDb(url, 1);
  try {
    await migrate(db, { migrationsFolder: new URL("../../migrations", import.meta.url).pathname });
  } finally {
    await pool.end();
  }
}

/** Creates an empty database beside the one in baseUrl; drop() removes it. */
export async function createFreshDatabase(
  baseUrl: string,
  prefix = "tollgate_test",
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

export async function canConnect(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}
