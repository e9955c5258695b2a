import { asc } from "drizzle-orm";
import type { CategoryDto } from "../../contracts/categories.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { categories } from "./categories.schema.ts";

export async function listCategories(db: DbOrTx): Promise<CategoryDto[]> {
  return db
    .select({ id: categories.id, slug: categories.slug, name: categories.name, description: categories.description })
    .from(categories)
    .orderBy(asc(categories.sortOrder), asc(categories.name));
}
