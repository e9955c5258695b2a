import { Hono } from "hono";
import type { AppEnv } from "../platform/types.ts";
import { loadSigningKeys } from "./keys.ts";

export const jwksRoutes = new Hono<AppEnv>().get("/jwks.json", async (c) => {
  const keys = await loadSigningKeys(c.var.config.JWT_PRIVATE_KEY, c.var.config.JWT_KEY_ID);
  c.header("cache-control", "public, max-age=300");
  return c.json({ keys: [keys.publicJwk] });
});
