import { asc } from "drizzle-orm";
import type { CategoryDto } from "../contracts/catalog.ts";
import type { DbOrTx } from "../db/client.ts";
import { categories } from "../db/schema/index.ts";

export async function listCategories(db: DbOrTx): Promise<CategoryDto[]> {
  return db
    .select({ id: categories.id, slug: categories.slug, name: categories.name, description: categories.description })
    .from(categories)
    .orderBy(asc(categories.sortOrder), asc(categories.name));
}
