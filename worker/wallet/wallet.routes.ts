import { Hono } from "hono";
import { z } from "zod";
import { currentUser, requireRole } from "../auth/guards.ts";
import { ROLE_ACCESS } from "../auth/roles.ts";
import { listLedgerQuerySchema } from "../contracts/wallet.ts";
import { validate } from "../lib/validate.ts";
import type { AppEnv } from "../types.ts";
import { getWalletBalance } from "./get-wallet-balance.ts";
import { ledgerCsv } from "./ledger-csv.ts";
import { listLedgerEntries } from "./list-ledger-entries.ts";
import { formatCredits } from "./money.ts";
import { reconcileWallet } from "./reconcile-wallet.ts";
import { toLedgerEntryDto } from "./to-ledger-entry-dto.ts";
import { toWalletBalanceDto } from "./to-wallet-balance-dto.ts";

/** /api/wallet (signed-in; the guard is declared in the app factory). Every query filters by the caller. */
export const walletRoutes = new Hono<AppEnv>()
  .get("/balance", async (c) => {
    c.header("cache-control", "no-store");
    return c.json(toWalletBalanceDto(await getWalletBalance(c.var.db, currentUser(c).id)));
  })
  .get("/ledger", validate("query", listLedgerQuerySchema), async (c) => {
    const { cursor, limit, type } = c.req.valid("query");
    const page = await listLedgerEntries(c.var.db, { userId: currentUser(c).id, cursor, limit, type });
    c.header("cache-control", "no-store");
    return c.json({ entries: page.entries.map(toLedgerEntryDto), nextCursor: page.nextCursor });
  })
  .get("/ledger.csv", validate("query", listLedgerQuerySchema.pick({ type: true })), async (c) => {
    const csv = await ledgerCsv(c.var.db, { userId: currentUser(c).id, type: c.req.valid("query").type });
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="tollgate-ledger-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    });
  })
  .post("/reconcile", requireRole(ROLE_ACCESS.admin), validate("json", z.object({ userId: z.uuid() })), async (c) => {
    const report = await reconcileWallet(c.var.db, { userId: c.req.valid("json").userId, adminId: currentUser(c).id });
    return c.json({
      walletId: report.walletId,
      cached: formatCredits(report.cached),
      computed: formatCredits(report.computed),
      difference: formatCredits(report.difference),
      corrected: report.corrected,
    });
  });
