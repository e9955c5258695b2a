import { Hono } from "hono";
import { z } from "zod";
import { currentUser, requireRole, ROLE_ACCESS } from "../auth/index.ts";
import {
  adminBulkUsersSchema,
  adminDeleteUserSchema,
  adminUpdateUserSchema,
  adminUserSearchSchema,
} from "../../contracts/users.ts";
import { listLedgerQuerySchema } from "../../contracts/wallet.ts";
import { notFound } from "../platform/errors.ts";
import { clientIp } from "../platform/rate-limit.ts";
import { validate } from "../platform/validate.ts";
import type { AppEnv } from "../platform/types.ts";
import { countPendingPayments } from "../payments/index.ts";
import { getWalletBalance, listLedgerEntries, toLedgerEntryDto, toWalletBalanceDto } from "../wallet/index.ts";
import { applyUserUpdate } from "./apply-user-update.ts";
import { bulkUpdateUsers } from "./bulk-update-users.ts";
import { deleteUser } from "./delete-user.ts";
import { getUserSummary, listUsersForExport, searchUsers } from "./search-users.ts";
import { usersCsv } from "./users-csv.ts";

const userParam = z.object({ userId: z.uuid("userId must be a UUID") });

/** /api/admin/users: search, inspect and change accounts. */
export const usersAdminRoutes = new Hono<AppEnv>()
  .use(requireRole(ROLE_ACCESS.admin))
  .get("/", validate("query", adminUserSearchSchema), async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await searchUsers(c.var.db, c.req.valid("query")));
  })
  // Before /:userId, which would otherwise read "users.csv" as an id.
  .get("/users.csv", validate("query", adminUserSearchSchema.omit({ page: true, limit: true })), async (c) => {
    const csv = usersCsv(await listUsersForExport(c.var.db, c.req.valid("query")));
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="tollgate-users-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    });
  })
  .post("/bulk", validate("json", adminBulkUsersSchema), async (c) => {
    const result = await bulkUpdateUsers(c.var.db, {
      ...c.req.valid("json"),
      actorId: currentUser(c).id,
      ip: clientIp(c),
    });
    return c.json(result);
  })
  .get("/:userId", validate("param", userParam), async (c) => {
    const { userId } = c.req.valid("param");
    const [user, wallet, pending] = await Promise.all([
      getUserSummary(c.var.db, userId),
      getWalletBalance(c.var.db, userId),
      countPendingPayments(c.var.db, userId),
    ]);
    if (!user) throw notFound("User");
    c.header("cache-control", "no-store");
    return c.json({ user, wallet: toWalletBalanceDto(wallet, pending) });
  })
  .get("/:userId/ledger", validate("param", userParam), validate("query", listLedgerQuerySchema), async (c) => {
    const { cursor, limit, type } = c.req.valid("query");
    const page = await listLedgerEntries(c.var.db, { userId: c.req.valid("param").userId, cursor, limit, type });
    c.header("cache-control", "no-store");
    return c.json({ entries: page.entries.map(toLedgerEntryDto), nextCursor: page.nextCursor });
  })
  .patch("/:userId", validate("param", userParam), validate("json", adminUpdateUserSchema), async (c) => {
    const result = await applyUserUpdate(c.var.db, {
      ...c.req.valid("json"),
      userId: c.req.valid("param").userId,
      actorId: currentUser(c).id,
      ip: clientIp(c),
      idempotencyKey: c.req.header("idempotency-key"),
    });
    return c.json(result);
  })
  .delete("/:userId", validate("param", userParam), validate("query", adminDeleteUserSchema), async (c) => {
    const user = await deleteUser(c.var.db, {
      userId: c.req.valid("param").userId,
      actorId: currentUser(c).id,
      reason: c.req.valid("query").reason,
      ip: clientIp(c),
    });
    return c.json({ user });
  });
