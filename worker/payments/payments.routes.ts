import { Hono } from "hono";
import { z } from "zod";
import { currentUser, requireAuth, requireVerifiedEmail } from "../auth/index.ts";
import { checkoutRequestSchema, paginationQuerySchema } from "../../contracts/payments.ts";
import { notFound } from "../platform/errors.ts";
import { enforceRateLimits, LIMITS } from "../platform/rate-limit.ts";
import { validate } from "../platform/validate.ts";
import type { AppEnv } from "../platform/types.ts";
import { cancelPayment } from "./cancel-payment.ts";
import { createCheckout } from "./create-checkout.ts";
import { findReturnedPayment, getOwnPayment, listPayments, toPaymentDto } from "./list-payments.ts";
import { paymentDeps } from "./payment-deps.ts";

/**
 * /api/payments: the caller's own payments. Every route but /success requires a session;
 * /success is the provider's return redirect, which must reach the page even when the access
 * cookie lapsed during checkout, and reveals nothing without one.
 */
export const paymentsRoutes = new Hono<AppEnv>()
  .post("/checkout", requireAuth(), requireVerifiedEmail(), validate("json", checkoutRequestSchema), async (c) => {
    const user = currentUser(c);
    await enforceRateLimits(c, [[`checkout:${user.id}`, LIMITS.checkoutAccount]]);
    const result = await createCheckout(
      c.var.db,
      { ...c.req.valid("json"), userId: user.id, email: user.email },
      paymentDeps(c),
    );
    return c.json(result, 201);
  })
  .get("/history", requireAuth(), validate("query", paginationQuerySchema), async (c) => {
    const { cursor, limit } = c.req.valid("query");
    c.header("cache-control", "no-store");
    return c.json(await listPayments(c.var.db, { userId: currentUser(c).id, cursor, limit }));
  })
  .get("/success", validate("query", z.object({ session_id: z.string().min(1).max(200) })), async (c) => {
    const appUrl = paymentDeps(c).appUrl;
    const claims = c.var.claims;
    // Signed out (e.g. the access cookie lapsed at the provider): the page refreshes the session itself.
    if (!claims) return c.redirect(`${appUrl}/dashboard/credits?checkout=returned`, 302);
    const p = await findReturnedPayment(c.var.db, { userId: claims.sub, ref: c.req.valid("query").session_id });
    if (!p) return c.redirect(`${appUrl}/dashboard/credits?checkout=unknown`, 302);
    return c.redirect(`${appUrl}/dashboard/credits?payment=${p.id}&status=${p.status}`, 302);
  })
  .post("/:paymentId/cancel", requireAuth(), validate("param", z.object({ paymentId: z.uuid() })), async (c) => {
    const payment = await cancelPayment(c.var.db, {
      userId: currentUser(c).id,
      paymentId: c.req.valid("param").paymentId,
    });
    return c.json({ payment });
  })
  .get("/:paymentId", requireAuth(), validate("param", z.object({ paymentId: z.uuid() })), async (c) => {
    const row = await getOwnPayment(c.var.db, { userId: currentUser(c).id, paymentId: c.req.valid("param").paymentId });
    if (!row) throw notFound("Payment");
    c.header("cache-control", "no-store");
    return c.json({ payment: toPaymentDto(row.payment, row.priceName) });
  });
