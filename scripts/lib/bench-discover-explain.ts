import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import type { DbOrTx } from "../../worker/platform/db/client.ts";

export interface CapturedQuery {
  query: string;
  params: unknown[];
}

export interface ExplainedQuery {
  query: string;
  plan: string;
  executionMs: number;
  /** One line per scan node: "Index Scan using x on stream", "Seq Scan on follow", … */
  scans: string[];
  /** Seq Scans on the tables the bench makes large. */
  seqScansOnBig: string[];
}

/**
 * Runs a use-case against a database whose logger keeps every statement it sends, so the
 * EXPLAINs below are of the endpoint's own SQL, not a copy that could drift from it.
 */
export async function captureQueries(pool: pg.Pool, run: (db: DbOrTx) => Promise<unknown>): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const db = drizzle(pool, { logger: { logQuery: (query, params) => void captured.push({ query, params }) } });
  await run(db);
  return captured;
}

const BIG_TABLES = ["stream", "follow", "meter_event", "ledger_entry", "ledger_transfer", "user", "profile"];

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each captured SELECT (or WITH: the analytics rollup fill inserts,
 * and really runs here), in one transaction on one connection (so a captured `set_config(…, true)`,
 * as withTextSearch sends, applies to the statements after it), after `prelude`, rolled back.
 */
export async function explainAll(
  pool: pg.Pool,
  captured: readonly CapturedQuery[],
  prelude: readonly string[] = [],
): Promise<ExplainedQuery[]> {
  const client = await pool.connect();
  const out: ExplainedQuery[] = [];
  try {
    await client.query("begin");
    for (const statement of prelude) await client.query(statement);
    for (const q of captured) {
      if (/set_config\(/i.test(q.query)) {
        await client.query(q.query, q.params);
        continue;
      }
      if (!/^\s*(select|with|\()/i.test(q.query)) continue;
      const res = await client.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${q.query}`, q.params);
      const lines = res.rows.map((r) => r["QUERY PLAN"]);
      const scans = lines
        .map((l) =>
          /((?:Parallel )?(?:Seq Scan|Index Scan|Index Only Scan|Bitmap Index Scan|Bitmap Heap Scan)[^(]*)/.exec(l),
        )
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => (m[1] ?? "").trim());
      const seqScansOnBig = scans.filter((s) => {
        const m = /Seq Scan on "?(\w+)"?/.exec(s);
        return m !== null && BIG_TABLES.includes(m[1] ?? "");
      });
      const time = lines.map((l) => /Execution Time: ([\d.]+) ms/.exec(l)).find((m) => m !== null);
      out.push({
        query: q.query,
        plan: lines.join("\n"),
        executionMs: Number(time?.[1] ?? Number.NaN),
        scans,
        seqScansOnBig,
      });
    }
  } finally {
    await client.query("rollback");
    client.release();
  }
  return out;
}

/** The first words of a statement, for a one-line label. */
export function shortQuery(query: string, width = 90): string {
  const flat = query.replace(/\s+/g, " ").trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}
