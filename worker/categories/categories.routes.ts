import { Hono } from "hono";
import type { AppEnv } from "../platform/types.ts";
import { listCategories } from "./list-categories.ts";

export const categoriesRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const items = await listCategories(c.var.db);
  c.header("cache-control", "public, max-age=30");
  return c.json({ categories: items });
});
