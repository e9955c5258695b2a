import { Hono } from "hono";
import { z } from "zod";
import { formatCredits } from "../../contracts/money.ts";
import { currentUser, requireRole, ROLE_ACCESS } from "../auth/index.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { reconcileWallet } from "./reconcile-wallet.ts";

/** /api/admin/wallet: ledger repair tools. */
export const walletAdminRoutes = new Hono<AppEnv>()
  .use(requireRole(ROLE_ACCESS.admin))
  .post("/reconcile", validate("json", z.object({ userId: z.uuid() })), async (c) => {
    const report = await reconcileWallet(c.var.db, { userId: c.req.valid("json").userId, adminId: currentUser(c).id });
    return c.json({
      walletId: report.walletId,
      cached: formatCredits(report.cached),
      computed: formatCredits(report.computed),
      difference: formatCredits(report.difference),
      corrected: report.corrected,
    });
  });
