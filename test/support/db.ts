// Shared by the *.db.test.ts files only; nothing in the Worker imports this.
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { openDb } from "../../scripts/lib/database.ts";
// Type-only: brings in the ProvidedContext declaration of dbTestUrl.
import type {} from "../setup/db-global.ts";
import type { Db } from "../../worker/platform/db/client.ts";
import { users } from "../../worker/users/users.schema.ts";

export interface TestDb {
  db: Db;
  close(): Promise<void>;
}

/**
 * A node-postgres pool on the tier's database; max > 1 so parallel calls really overlap on
 * Postgres. On embedded PGlite the session gate (scripts/lib/pg-session-gate.ts) runs them one
 * transaction at a time, which still checks every outcome but not the locking.
 */
export function openTestDb(max = 24): TestDb {
  const { db, pool } = openDb(inject("dbTestUrl"), max);
  return { db, close: () => pool.end() };
}

/** A bare user row (email unique per call); returns its id. */
export async function createTestUser(db: Db, label = "user"): Promise<string> {
  const [row] = await db
    .insert(users)
    .values({ email: `${label}-${randomUUID()}@test.tollgate`, passwordHash: "not-a-real-hash" })
    .returning({ id: users.id });
  if (!row) throw new Error("createTestUser: insert returned nothing");
  return row.id;
}
