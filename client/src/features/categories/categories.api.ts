import { categoryListSchema } from "@contracts/categories.ts";
import { apiFetch } from "../../lib/api/core.ts";

export const listCategories = (signal?: AbortSignal) =>
  apiFetch("/api/categories", { schema: categoryListSchema, signal });
