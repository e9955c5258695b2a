import { Hono } from "hono";
import { z } from "zod";
import { currentUser } from "../auth/guards.ts";
import { adminUpdateUserSchema } from "../contracts/admin.ts";
import { clientIp } from "../lib/rate-limit.ts";
import { validate } from "../lib/validate.ts";
import type { AppEnv } from "../types.ts";
import { applyUserUpdate } from "./apply-user-update.ts";

const userParam = z.object({ userId: z.uuid("userId must be a UUID") });

/** Mounted under /api/admin behind requireRole(ROLE_ACCESS.admin). */
export const adminRoutes = new Hono<AppEnv>().patch(
  "/users/:userId",
  validate("param", userParam),
  validate("json", adminUpdateUserSchema),
  async (c) => {
    const result = await applyUserUpdate(c.var.db, {
      ...c.req.valid("json"),
      userId: c.req.valid("param").userId,
      actorId: currentUser(c).id,
      ip: clientIp(c),
      idempotencyKey: c.req.header("idempotency-key"),
    });
    return c.json(result);
  },
);
