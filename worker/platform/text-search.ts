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

/** Runs `query` in a transaction whose pg_trgm word-similarity threshold is ours (SET LOCAL). */
export function withTextSearch<T>(db: DbOrTx, query: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true)`,
    );
    return query(tx);
  });
}
