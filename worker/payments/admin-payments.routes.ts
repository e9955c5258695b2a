import { and, desc, eq } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import { writeAuditLog } from "../audit/write-audit-log.ts";
import { currentUser } from "../auth/guards.ts";
import { adminRefundSchema } from "../contracts/payments.ts";
import { payments, webhookEvents } from "../db/schema/index.ts";
import { AppError, notFound } from "../errors.ts";
import { validate } from "../lib/validate.ts";
import type { AppEnv } from "../types.ts";
import { replayCoinbaseEvent } from "./coinbase/coinbase-webhook.ts";
import { toPaymentDto } from "./list-payments.ts";
import { paymentDeps } from "./payments.routes.ts";
import { checkoutProviderFor } from "./providers.ts";
import { replayStripeEvent } from "./stripe/stripe-webhook.ts";
import { runHandler } from "./webhooks/record-webhook-event.ts";

const idParam = z.object({ id: z.uuid() });

/** /api/admin/payments and /api/admin/webhooks (behind the admin guard). */
export const adminPaymentRoutes = new Hono<AppEnv>()
  .post("/payments/:id/refund", validate("param", idParam), validate("json", adminRefundSchema), async (c) => {
    const { id } = c.req.valid("param");
    const [payment] = await c.var.db.select().from(payments).where(eq(payments.id, id));
    if (!payment) throw notFound("Payment");
    if (payment.status !== "SUCCEEDED" && payment.status !== "REFUNDED") {
      throw new AppError("NOT_REFUNDABLE", 409, `A ${payment.status} payment cannot be refunded`);
    }
    const remaining = payment.amountCents - payment.refundedCents;
    const amountCents = BigInt(c.req.valid("json").amountCents ?? remaining);
    if (remaining <= 0n) throw new AppError("NOT_REFUNDABLE", 409, "This payment is fully refunded");
    if (amountCents > remaining)
      throw new AppError("REFUND_TOO_LARGE", 400, `At most ${remaining} cents can be refunded`);
    const provider = checkoutProviderFor(payment.provider, paymentDeps(c));
    const { refundId } = await provider.refund({ payment, amountCents });
    await writeAuditLog(c.var.db, {
      actorId: currentUser(c).id,
      action: "payment.refund_requested",
      targetType: "PAYMENT",
      targetId: payment.id,
      metadata: { amountCents: amountCents.toString(), refundId },
    });
    const [after] = await c.var.db.select().from(payments).where(eq(payments.id, id));
    // The webhook books the refund; the answer says it was requested.
    return c.json(
      { refundId, requestedCents: Number(amountCents), payment: after ? toPaymentDto(after, null) : null },
      202,
    );
  })
  .get(
    "/webhooks",
    validate("query", z.object({ status: z.enum(["RECEIVED", "PROCESSED", "IGNORED", "FAILED"]).optional() })),
    async (c) => {
      const { status } = c.req.valid("query");
      const rows = await c.var.db
        .select({
          id: webhookEvents.id,
          provider: webhookEvents.provider,
          eventId: webhookEvents.eventId,
          type: webhookEvents.type,
          status: webhookEvents.status,
          attempts: webhookEvents.attempts,
          error: webhookEvents.error,
          receivedAt: webhookEvents.receivedAt,
        })
        .from(webhookEvents)
        .where(status ? and(eq(webhookEvents.status, status)) : undefined)
        .orderBy(desc(webhookEvents.receivedAt))
        .limit(100);
      return c.json({ events: rows });
    },
  )
  .post("/webhooks/:id/replay", validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    const [event] = await c.var.db.select().from(webhookEvents).where(eq(webhookEvents.id, id));
    if (!event) throw notFound("Webhook event");
    if (event.status === "PROCESSED" || event.status === "IGNORED") {
      return c.json({ id, outcome: "duplicate" });
    }
    const db = c.var.db;
    const replay =
      event.provider === "stripe"
        ? () => replayStripeEvent(db, event.payload)
        : () => replayCoinbaseEvent(db, event.payload);
    const outcome = await runHandler(db, id, replay, c.var.logger, {
      provider: event.provider,
      eventId: event.eventId,
      replay: true,
    });
    return c.json({ id, outcome });
  });
