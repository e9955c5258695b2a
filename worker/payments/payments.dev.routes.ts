import { Hono } from "hono";
import { z } from "zod";
import { currentUser, requireAuth } from "../auth/index.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { validate } from "../platform/validate.ts";
import type { AppEnv } from "../platform/types.ts";
import { getOwnPayment, toPaymentDto } from "./list-payments.ts";
import { paymentDeps } from "./payment-deps.ts";
import { deliverDevEvent } from "./providers.ts";

const param = z.object({ paymentId: z.uuid() });

/** /api/dev/checkout: the built-in test checkout (development and test only, never production). */
export const paymentsDevRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  .get("/:paymentId", validate("param", param), async (c) => {
    const row = await getOwnPayment(c.var.db, { userId: currentUser(c).id, paymentId: c.req.valid("param").paymentId });
    if (!row) throw notFound("Payment");
    return c.json({ payment: toPaymentDto(row.payment, row.priceName) });
  })
  .post(
    "/:paymentId/complete",
    validate("param", param),
    validate("json", z.object({ outcome: z.enum(["paid", "failed"]) })),
    async (c) => {
      const row = await getOwnPayment(c.var.db, {
        userId: currentUser(c).id,
        paymentId: c.req.valid("param").paymentId,
      });
      if (!row) throw notFound("Payment");
      if (row.payment.metadata.mode !== "dev")
        throw new AppError("NOT_A_DEV_CHECKOUT", 409, "This payment uses a live provider");
      const outcome = await deliverDevEvent(
        c.var.db,
        { payment: row.payment, outcome: c.req.valid("json").outcome },
        paymentDeps(c),
      );
      const after = await getOwnPayment(c.var.db, { userId: currentUser(c).id, paymentId: row.payment.id });
      return c.json({ outcome, payment: after ? toPaymentDto(after.payment, after.priceName) : null });
    },
  );
