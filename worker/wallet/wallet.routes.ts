import { Hono } from "hono";
import { currentUser, requireAuth } from "../auth/index.ts";
import { listLedgerQuerySchema } from "../../contracts/wallet.ts";
import { enforceRateLimits, LIMITS } from "../platform/rate-limit.ts";
import { validate } from "../platform/validate.ts";
import type { AppEnv } from "../platform/types.ts";
import { countPendingPayments } from "../payments/index.ts";
import { getWalletBalance } from "./get-wallet-balance.ts";
import { ledgerCsv } from "./ledger-csv.ts";
import { listLedgerEntries } from "./list-ledger-entries.ts";
import { toLedgerEntryDto } from "./to-ledger-entry-dto.ts";
import { toWalletBalanceDto } from "./to-wallet-balance-dto.ts";

/** /api/wallet: the caller's own wallet. Every query filters by the caller. */
export const walletRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  .get("/balance", async (c) => {
    const userId = currentUser(c).id;
    // One after the other: in parallel they would open a second database connection.
    const balance = await getWalletBalance(c.var.db, userId);
    const pending = await countPendingPayments(c.var.db, userId);
    c.header("cache-control", "no-store");
    return c.json(toWalletBalanceDto(balance, pending));
  })
  .get("/ledger", validate("query", listLedgerQuerySchema), async (c) => {
    const { cursor, limit, type } = c.req.valid("query");
    const page = await listLedgerEntries(c.var.db, { userId: currentUser(c).id, cursor, limit, type });
    c.header("cache-control", "no-store");
    return c.json({ entries: page.entries.map(toLedgerEntryDto), nextCursor: page.nextCursor });
  })
  .get("/ledger.csv", validate("query", listLedgerQuerySchema.pick({ type: true })), async (c) => {
    await enforceRateLimits(c, [[`ledger-export:${currentUser(c).id}`, LIMITS.ledgerExportAccount]]);
    const csv = await ledgerCsv(c.var.db, { userId: currentUser(c).id, type: c.req.valid("query").type });
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="tollgate-ledger-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    });
  });
