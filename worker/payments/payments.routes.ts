import { Hono } from "hono";
import { z } from "zod";
import { currentUser, requireVerifiedEmail } from "../auth/guards.ts";
import { checkoutRequestSchema, paginationQuerySchema } from "../contracts/payments.ts";
import { notFound } from "../errors.ts";
import { validate } from "../lib/validate.ts";
import type { AppEnv } from "../types.ts";
import { createCheckout } from "./create-checkout.ts";
import { getOwnPayment, listPayments, toPaymentDto } from "./list-payments.ts";
import type { PaymentDeps } from "./providers.ts";
import { and, eq, or } from "drizzle-orm";
import { payments } from "../db/schema/index.ts";
import type { Context } from "hono";

export const paymentDeps = (c: Context<AppEnv>): PaymentDeps => ({
  db: c.var.db,
  logger: c.var.logger,
  config: c.var.config,
  appUrl: c.var.config.APP_URL ?? new URL(c.req.url).origin,
});

/** /api/payments (signed-in users; the guard is declared in the app factory). */
export const paymentRoutes = new Hono<AppEnv>()
  .post("/checkout", requireVerifiedEmail(), validate("json", checkoutRequestSchema), async (c) => {
    const user = currentUser(c);
    const result = await createCheckout(paymentDeps(c), { ...c.req.valid("json"), userId: user.id, email: user.email });
    return c.json(result, 201);
  })
  .get("/history", validate("query", paginationQuerySchema), async (c) => {
    const { cursor, limit } = c.req.valid("query");
    c.header("cache-control", "no-store");
    return c.json(await listPayments(c.var.db, { userId: currentUser(c).id, cursor, limit }));
  })
  .get("/success", validate("query", z.object({ session_id: z.string().min(1).max(200) })), async (c) => {
    const ref = c.req.valid("query").session_id;
    const userId = currentUser(c).id;
    const byId = /^[0-9a-f-]{36}$/i.test(ref) ? eq(payments.id, ref) : undefined;
    const [p] = await c.var.db
      .select({ id: payments.id, status: payments.status })
      .from(payments)
      .where(and(eq(payments.userId, userId), byId ? or(byId, eq(payments.providerRef, ref)) : eq(payments.providerRef, ref)));
    const appUrl = paymentDeps(c).appUrl;
    if (!p) return c.redirect(`${appUrl}/dashboard/credits?checkout=unknown`, 302);
    return c.redirect(`${appUrl}/dashboard/credits?payment=${p.id}&status=${p.status}`, 302);
  })
  .get("/:paymentId", validate("param", z.object({ paymentId: z.uuid() })), async (c) => {
    const row = await getOwnPayment(c.var.db, { userId: currentUser(c).id, paymentId: c.req.valid("param").paymentId });
    if (!row) throw notFound("Payment");
    c.header("cache-control", "no-store");
    return c.json({ payment: toPaymentDto(row.payment, row.priceName) });
  });
