import { Hono } from "hono";
import type { AppEnv } from "../platform/types.ts";
import { checkHealth } from "./check-health.ts";

export const healthRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const report = await checkHealth(c.var.db);
  c.header("cache-control", "no-store");
  return c.json(report, report.status === "down" ? 503 : 200);
});
