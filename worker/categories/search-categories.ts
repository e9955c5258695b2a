import type { DbOrTx } from "../platform/db/client.ts";
import { textMatches } from "../platform/text-search.ts";
import { categories } from "./categories.schema.ts";

/** A subquery of the ids of categories whose name matches `term`, for `inArray(column, …)`. */
export const categoryIdsWithNameMatching = (db: DbOrTx, term: string) =>
  db.select({ id: categories.id }).from(categories).where(textMatches(categories.name, term));
