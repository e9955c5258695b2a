// The categories domain's front door.
export { findCategoryBySlug, getCategoriesById } from "./find-categories.ts";
export type { Category } from "./categories.schema.ts";
export { categoryIdsWithNameMatching } from "./search-categories.ts";
