import { ilike, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { DbOrTx } from "./db/client.ts";
import { escapeLike } from "./escape-like.ts";

/**
 * pg_trgm's word similarity a search term must reach (0.6 by default). 0.4 lets one typo through:
 * "gamng" matches "gaming" at 0.5. Set per transaction by withTextSearch.
 */
const WORD_SIMILARITY_THRESHOLD = 0.4;

/**
 * A typo-tolerant, prefix-friendly match of `term` in a text column, both halves served by a GIN
 * trigram index (gin_trgm_ops): a substring (ILIKE) or a word that looks like the term (`<%`).
 * Run the query inside withTextSearch so the threshold applies.
 */
export const textMatches = (column: AnyColumn, term: string): SQL =>
  sql`(${ilike(column, `%${escapeLike(term)}%`)} or ${term} <% ${column})`;

/**
 * Runs `query` in a transaction whose pg_trgm word-similarity threshold is ours, with sequential
 * scans priced out (both SET LOCAL, one round trip). Why the latter: the planner prices `<%` at one
 * cpu_operator_cost a row and guesses a fixed share of rows match, so on a few thousand rows it
 * prefers a seq scan evaluating word_similarity on every row (10–25 µs each: 100+ ms on 10,000
 * titles) over the trigram index, which only rechecks the candidates. Inside a search, an index
 * path is always the cheaper one; a table with no usable index is still scanned.
 */
export function withTextSearch<T>(db: DbOrTx, query: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true),
        set_config('enable_seqscan', 'off', true)`,
    );
    return query(tx);
  });
}
