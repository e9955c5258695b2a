import { Hono } from "hono";
import { z } from "zod";
import { adminPaymentsQuerySchema } from "../../contracts/admin-payments.ts";
import { adminRefundSchema, refundIdempotencyKeySchema, WEBHOOK_EVENT_STATUSES } from "../../contracts/payments.ts";
import { currentUser, requireRole, ROLE_ACCESS } from "../auth/index.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { listAdminPayments } from "./list-admin-payments.ts";
import { paymentDeps } from "./payment-deps.ts";
import { requestRefund } from "./request-refund.ts";
import { listWebhookEvents } from "./webhooks/list-webhook-events.ts";
import { replayWebhookEvent } from "./webhooks/replay-webhook-event.ts";

const idParam = z.object({ id: z.uuid() });
const refundHeaders = z.object({ "idempotency-key": refundIdempotencyKeySchema.optional() });

/** /api/admin/payments: failed, refunded and disputed payments, refunds, and the provider-event list with replay. */
export const paymentsAdminRoutes = new Hono<AppEnv>()
  .use(requireRole(ROLE_ACCESS.admin))
  .get("/", validate("query", adminPaymentsQuerySchema), async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await listAdminPayments(c.var.db, c.req.valid("query")));
  })
  .post(
    "/:id/refund",
    validate("param", idParam),
    validate("header", refundHeaders),
    validate("json", adminRefundSchema),
    async (c) => {
      const result = await requestRefund(
        c.var.db,
        {
          paymentId: c.req.valid("param").id,
          amountCents: c.req.valid("json").amountCents,
          idempotencyKey: c.req.valid("header")["idempotency-key"],
          actorId: currentUser(c).id,
        },
        paymentDeps(c),
      );
      // The webhook books the refund; the answer says it was requested.
      return c.json(result, 202);
    },
  )
  .get("/webhooks", validate("query", z.object({ status: z.enum(WEBHOOK_EVENT_STATUSES).optional() })), async (c) => {
    return c.json({ events: await listWebhookEvents(c.var.db, c.req.valid("query")) });
  })
  .post("/webhooks/:id/replay", validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    return c.json({ id, outcome: await replayWebhookEvent(c.var.db, { id }, { logger: c.var.logger }) });
  });
