import type { SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "./client.ts";

/**
 * Runs a raw statement and returns its rows. Both drivers (node-postgres, Neon) answer
 * `db.execute` with a result object carrying `rows`; Drizzle's generic type only says
 * `unknown`, so the shape is checked rather than cast.
 */
export async function executeRows(db: DbOrTx, query: SQL): Promise<unknown[]> {
  const result: unknown = await db.execute(query);
  if (typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows)) {
    return result.rows;
  }
  throw new Error("executeRows: the driver returned no rows array");
}

/** A Postgres bigint as the drivers return it (a decimal string), as a bigint. */
export const int8 = z.union([z.string(), z.number(), z.bigint()]).transform((value) => BigInt(value));

/** The Postgres error code of a failed query: Drizzle wraps the driver's error in `cause`. */
export function pgErrorOf(error: unknown): { code: string; constraint: string | undefined } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth++) {
    if ("code" in current && typeof current.code === "string" && /^[0-9A-Z]{5}$/.test(current.code)) {
      const constraint =
        "constraint" in current && typeof current.constraint === "string" ? current.constraint : undefined;
      return { code: current.code, constraint };
    }
    current = "cause" in current ? current.cause : undefined;
  }
  return undefined;
}
