import { Hono } from "hono";
import { z } from "zod";
import { currentUser } from "../auth/guards.ts";
import { adminUpdateUserSchema, adminUserSearchSchema } from "../contracts/admin.ts";
import { listLedgerQuerySchema } from "../contracts/wallet.ts";
import { notFound } from "../errors.ts";
import { clientIp } from "../lib/rate-limit.ts";
import { validate } from "../lib/validate.ts";
import type { AppEnv } from "../types.ts";
import { getWalletBalance } from "../wallet/get-wallet-balance.ts";
import { listLedgerEntries } from "../wallet/list-ledger-entries.ts";
import { toLedgerEntryDto } from "../wallet/to-ledger-entry-dto.ts";
import { toWalletBalanceDto } from "../wallet/to-wallet-balance-dto.ts";
import { applyUserUpdate } from "./apply-user-update.ts";
import { getUserSummary, searchUsers } from "./search-users.ts";

const userParam = z.object({ userId: z.uuid("userId must be a UUID") });

/** Mounted under /api/admin behind requireRole(ROLE_ACCESS.admin). */
export const adminRoutes = new Hono<AppEnv>()
  .get("/users", validate("query", adminUserSearchSchema), async (c) => {
    c.header("cache-control", "no-store");
    return c.json({ users: await searchUsers(c.var.db, c.req.valid("query")) });
  })
  .get("/users/:userId", validate("param", userParam), async (c) => {
    const { userId } = c.req.valid("param");
    const [user, wallet] = await Promise.all([getUserSummary(c.var.db, userId), getWalletBalance(c.var.db, userId)]);
    if (!user) throw notFound("User");
    c.header("cache-control", "no-store");
    return c.json({ user, wallet: toWalletBalanceDto(wallet) });
  })
  .get("/users/:userId/ledger", validate("param", userParam), validate("query", listLedgerQuerySchema), async (c) => {
    const { cursor, limit, type } = c.req.valid("query");
    const page = await listLedgerEntries(c.var.db, { userId: c.req.valid("param").userId, cursor, limit, type });
    c.header("cache-control", "no-store");
    return c.json({ entries: page.entries.map(toLedgerEntryDto), nextCursor: page.nextCursor });
  })
  .patch("/users/:userId", validate("param", userParam), validate("json", adminUpdateUserSchema), async (c) => {
    const result = await applyUserUpdate(c.var.db, {
      ...c.req.valid("json"),
      userId: c.req.valid("param").userId,
      actorId: currentUser(c).id,
      ip: clientIp(c),
      idempotencyKey: c.req.header("idempotency-key"),
    });
    return c.json(result);
  });
