import type { TestProject } from "vitest/node";
import { ephemeralJwtKey } from "../../scripts/lib/jwt-dev-key.ts";
import { startDatabase } from "../../scripts/lib/stack.ts";

/** One fresh, migrated, seeded database per run (DATABASE_URL's server, else embedded PGlite). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await startDatabase({ mode: "test", databaseUrl: process.env.DATABASE_URL });
  project.provide("databaseUrl", database.databaseUrl);
  project.provide("wsProxy", database.wsProxy);
  project.provide("jwtPrivateKey", ephemeralJwtKey());
  return () => database.stop();
}
