import { Hono } from "hono";
import type { AppEnv } from "../platform/types.ts";
import { currentUser, requireAuth } from "../auth/index.ts";
import { findProfile, findUserById, toPublicUser } from "./users.ts";
import { AppError } from "../platform/errors.ts";

export const meRoutes = new Hono<AppEnv>().use(requireAuth()).get("/", async (c) => {
  const { id } = currentUser(c);
  // Sequential on the request's one connection (in parallel they would open a second).
  const user = await findUserById(c.var.db, id);
  const profile = await findProfile(c.var.db, id);
  if (!user) throw new AppError("SESSION_REVOKED", 401, "This session is no longer valid");
  c.header("cache-control", "no-store");
  return c.json({ user: toPublicUser(user), profile });
});
