import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { type Category, categories } from "./categories.schema.ts";

export async function findCategoryBySlug(db: DbOrTx, slug: string): Promise<Category | undefined> {
  const [row] = await db.select().from(categories).where(eq(categories.slug, slug));
  return row;
}

/** Categories by id, for lists of streams. */
export async function getCategoriesById(db: DbOrTx, ids: readonly string[]): Promise<Map<string, Category>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select().from(categories).where(inArray(categories.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}
