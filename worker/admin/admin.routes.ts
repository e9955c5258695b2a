import { Hono } from "hono";
import { z } from "zod";
import { currentUser } from "../auth/guards.ts";
import { adminUpdateUserSchema } from "../contracts/admin.ts";
import { clientIp } from "../lib/rate-limit.ts";
import { validate } from "../lib/validate.ts";
import type { AppEnv } from "../types.ts";
import { adjustUserWallet } from "./adjust-user-wallet.ts";
import { getPublicUser, updateUser } from "./update-user.ts";

const userParam = z.object({ userId: z.uuid("userId must be a UUID") });

/** Mounted under /api/admin behind requireRole(ROLE_ACCESS.admin). */
export const adminRoutes = new Hono<AppEnv>().patch(
  "/users/:userId",
  validate("param", userParam),
  validate("json", adminUpdateUserSchema),
  async (c) => {
    const { userId } = c.req.valid("param");
    const { walletAdjustment, ...changes } = c.req.valid("json");
    const actorId = currentUser(c).id;
    const user =
      changes.role || changes.status
        ? await updateUser(c.var.db, { ...changes, userId, actorId, ip: clientIp(c) })
        : await getPublicUser(c.var.db, userId);
    const adjustment = walletAdjustment
      ? await adjustUserWallet(c.var.db, {
          userId,
          adminId: actorId,
          ...walletAdjustment,
          idempotencyKey: c.req.header("idempotency-key"),
        })
      : undefined;
    return c.json({ user, ...(adjustment ? { walletAdjustment: adjustment } : {}) });
  },
);
