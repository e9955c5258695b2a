import type { TestProject } from "vitest/node";
import { createFreshDatabase, migrateDatabase } from "../../scripts/lib/database.ts";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres.ts";

declare module "vitest" {
  interface ProvidedContext {
    /** A migrated, empty database for the *.db.test.ts tier. */
    dbTestUrl: string;
    /** True on embedded PGlite, which serves one user whatever role a client names: role tests skip. */
    dbTestEmbedded: boolean;
  }
}

/**
 * One fresh, migrated, unseeded database per run: beside DATABASE_URL when it is set (real
 * Postgres, real concurrency), else in an embedded PGlite behind the session gate
 * (scripts/lib/pg-session-gate.ts), which runs one transaction at a time: it exercises the
 * logic but cannot prove the locking.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) {
    const fresh = await createFreshDatabase(baseUrl, "tollgate_dbtest");
    try {
      await migrateDatabase(fresh.url);
    } catch (error) {
      await fresh.drop();
      throw error;
    }
    project.provide("dbTestUrl", fresh.url);
    project.provide("dbTestEmbedded", false);
    return fresh.drop;
  }
  console.warn(
    "\n*** DATABASE_URL is unset: the db tier runs on embedded PGlite, one transaction at a time: logic only, no concurrency. ***\n",
  );
  const embedded = await startEmbeddedPostgres();
  try {
    await migrateDatabase(embedded.url);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  project.provide("dbTestUrl", embedded.url);
  project.provide("dbTestEmbedded", true);
  return embedded.stop;
}
