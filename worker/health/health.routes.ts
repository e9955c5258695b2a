import { Hono } from "hono";
import type { AppEnv } from "../platform/types.ts";
import { liveKitFromConfig } from "../streams/index.ts";
import { checkHealth } from "./check-health.ts";

export const healthRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const livekit = liveKitFromConfig(c.var.config);
  // A real Room API call: it proves the server answers and accepts our key, not only that it listens.
  const report = await checkHealth(c.var.db, {}, { pingLivekit: livekit ? () => livekit.ping() : undefined });
  c.header("cache-control", "no-store");
  return c.json(report, report.status === "down" ? 503 : 200);
});
