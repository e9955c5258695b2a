import { env } from "cloudflare:test";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sweepWebhookEvents } from "../../worker/payments/index.ts";
import { webhookEvents } from "../../worker/payments/payments.schema.ts";
import { runScheduled } from "../../worker/scheduled.ts";
import type { ApiErrorBody } from "./support/http.ts";
import {
  balanceOf,
  deliverStripe,
  disputeObject,
  paymentsDb,
  postStripe,
  recordingLogger,
  sessionObject,
  signStripe,
  startCheckout,
  stripeEvent,
  webhookEventRow,
} from "./support/payments.ts";
import { Session, signUpVerified } from "./support/session.ts";

interface PaymentBody {
  payment: { id: string; status: string; refundedAmount: string };
}
const paymentOf = async (s: Session, id: string) => (await s.call<PaymentBody>(`/api/payments/${id}`)).body.payment;
const newEventId = () => `evt_test_${crypto.randomUUID().replace(/-/g, "")}`;

/** Makes a stored event due for the sweeper now (instead of waiting out its backoff). */
async function makeDue(eventId: string, set: "next_attempt_at" | "claimed_at" = "next_attempt_at") {
  const { db, close } = paymentsDb();
  try {
    await db
      .update(webhookEvents)
      .set(
        set === "next_attempt_at" ? { nextAttemptAt: sql`now()` } : { claimedAt: sql`now() - interval '10 minutes'` },
      )
      .where(and(eq(webhookEvents.provider, "stripe"), eq(webhookEvents.eventId, eventId)));
  } finally {
    await close();
  }
}

describe("webhook failures are retried, not acknowledged", () => {
  it("answers 503 when the database fails mid-handling, and the Cron sweeper books it later", async () => {
    const { session } = await signUpVerified("transient");
    const c = await startCheckout(session);
    const eventId = newEventId();
    // A serialization failure (40001) on this payment's row, as a deadlock (40P01) or a lock
    // timeout (55P03) would raise: transient, gone once the trigger is dropped.
    const fn = `test_fail_${c.paymentId.replace(/-/g, "")}`;
    const { db, close } = paymentsDb();
    let res: Awaited<ReturnType<typeof deliverStripe>> | undefined;
    try {
      await db.execute(
        sql.raw(`create function ${fn}() returns trigger language plpgsql as $$ begin
          if new.id = '${c.paymentId}' then raise exception 'could not serialize access' using errcode = '40001'; end if;
          return new; end $$`),
      );
      await db.execute(sql.raw(`create trigger ${fn} before update on payment for each row execute function ${fn}()`));
      res = await deliverStripe("checkout.session.completed", sessionObject(c), eventId);
    } finally {
      await db.execute(sql.raw(`drop trigger if exists ${fn} on payment`));
      await db.execute(sql.raw(`drop function if exists ${fn}()`));
      await close();
    }
    expect(res?.status).toBe(503);
    expect(res?.body.error?.code).toBe("WEBHOOK_RETRY");
    const failed = await webhookEventRow(eventId);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(failed?.nextAttemptAt).toBeInstanceOf(Date);
    expect(await balanceOf(session)).toBe("0.000");

    await makeDue(eventId);
    await runScheduled(env);
    expect(await webhookEventRow(eventId)).toMatchObject({ status: "PROCESSED", attempts: 2, nextAttemptAt: null });
    expect(await balanceOf(session)).toBe("500.000");
    expect((await paymentOf(session, c.paymentId)).status).toBe("SUCCEEDED");
    // Stripe's own retry of the 503 now finds it done.
    const again = await deliverStripe("checkout.session.completed", sessionObject(c), eventId);
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe("duplicate");
    expect(await balanceOf(session)).toBe("500.000");
  });

  it("retries a failing event with backoff and raises an alert when it exhausts its attempts", async () => {
    const { session } = await signUpVerified("exhaust");
    const c = await startCheckout(session);
    const eventId = newEventId();
    // An object we cannot parse: not one of our 4xx AppErrors, so taken as transient.
    const res = await deliverStripe("checkout.session.completed", sessionObject(c, { payment_status: 7 }), eventId);
    expect(res.status).toBe(503);
    const first = await webhookEventRow(eventId);
    const backoff = (first?.nextAttemptAt?.getTime() ?? 0) - Date.now();
    expect(backoff).toBeGreaterThan(30_000);
    expect(backoff).toBeLessThan(90_000);

    const logger = recordingLogger();
    const { db, close } = paymentsDb();
    try {
      // Not yet due: the sweeper leaves it alone.
      await sweepWebhookEvents(db, {}, { logger });
      expect((await webhookEventRow(eventId))?.attempts).toBe(1);
      for (let attempt = 2; attempt <= 8; attempt++) {
        await makeDue(eventId);
        await sweepWebhookEvents(db, {}, { logger });
        const row = await webhookEventRow(eventId);
        expect(row?.attempts).toBe(attempt);
        expect(row?.status).toBe("FAILED");
        if (attempt < 8) expect(row?.nextAttemptAt).toBeInstanceOf(Date);
      }
    } finally {
      await close();
    }
    const exhausted = await webhookEventRow(eventId);
    expect(exhausted).toMatchObject({ status: "FAILED", attempts: 8, nextAttemptAt: null });
    const alerts = logger.lines.filter((l) => l.level === "error" && l.msg === "webhook exhausted retries");
    expect(alerts.map((l) => (l.fields as { eventId: string }).eventId)).toEqual([eventId]);
    expect(await balanceOf(session)).toBe("0.000");
  });

  it("answers 409 to a duplicate of an event still being processed; the sweeper takes it up once abandoned", async () => {
    const { session } = await signUpVerified("inflight");
    const c = await startCheckout(session);
    const payload = stripeEvent("checkout.session.completed", sessionObject(c), newEventId());
    const eventId = (JSON.parse(payload) as { id: string }).id;
    const { db, close } = paymentsDb();
    try {
      // Another delivery claimed it and is still running (or died mid-run).
      await db.insert(webhookEvents).values({
        provider: "stripe",
        eventId,
        type: "checkout.session.completed",
        payload: JSON.parse(payload) as unknown,
        status: "RECEIVED",
        attempts: 1,
      });
      const dup = await postStripe(payload, await signStripe(payload));
      expect(dup.status).toBe(409);
      expect((dup.body as ApiErrorBody).error.code).toBe("WEBHOOK_IN_PROGRESS");
      await sweepWebhookEvents(db, {}, { logger: recordingLogger() });
      expect((await webhookEventRow(eventId))?.status).toBe("RECEIVED");
      await makeDue(eventId, "claimed_at");
      await sweepWebhookEvents(db, {}, { logger: recordingLogger() });
    } finally {
      await close();
    }
    expect(await webhookEventRow(eventId)).toMatchObject({ status: "PROCESSED", attempts: 2 });
    expect(await balanceOf(session)).toBe("500.000");
  });

  it("acknowledges a permanent mismatch with 200, stores it FAILED and never retries it", async () => {
    const { session } = await signUpVerified("permanent");
    const c = await startCheckout(session);
    const eventId = newEventId();
    const res = await deliverStripe("checkout.session.completed", sessionObject(c, { amount_total: 1 }), eventId);
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe("failed");
    expect(await webhookEventRow(eventId)).toMatchObject({ status: "FAILED", attempts: 1, nextAttemptAt: null });
    const { db, close } = paymentsDb();
    try {
      await sweepWebhookEvents(db, {}, { logger: recordingLogger() });
    } finally {
      await close();
    }
    expect((await webhookEventRow(eventId))?.attempts).toBe(1);
  });
});

describe("chargebacks", () => {
  it("claws the credits back on charge.dispute.created and gives them back when the dispute is won", async () => {
    const { session } = await signUpVerified("dispute");
    const c = await startCheckout(session);
    await deliverStripe("checkout.session.completed", sessionObject(c));
    const created = await deliverStripe("charge.dispute.created", disputeObject(c, "needs_response"));
    expect(created.status).toBe(200);
    expect(created.body.outcome).toBe("processed");
    expect((await paymentOf(session, c.paymentId)).status).toBe("DISPUTED");
    expect(await balanceOf(session)).toBe("0.000");
    await deliverStripe("charge.dispute.created", disputeObject(c, "needs_response"));
    expect(await balanceOf(session)).toBe("0.000");
    const won = await deliverStripe("charge.dispute.closed", disputeObject(c, "won"));
    expect(won.body.outcome).toBe("processed");
    expect((await paymentOf(session, c.paymentId)).status).toBe("SUCCEEDED");
    expect(await balanceOf(session)).toBe("500.000");
    await deliverStripe("charge.dispute.closed", disputeObject(c, "won"));
    expect(await balanceOf(session)).toBe("500.000");
  });

  it("keeps the credits taken when the dispute is lost, in either order", async () => {
    const { session } = await signUpVerified("dispute-lost");
    const c = await startCheckout(session);
    await deliverStripe("checkout.session.completed", sessionObject(c));
    await deliverStripe("charge.dispute.closed", disputeObject(c, "lost"));
    expect(await balanceOf(session)).toBe("0.000");
    await deliverStripe("charge.dispute.created", disputeObject(c, "needs_response"));
    expect(await balanceOf(session)).toBe("0.000");
    expect((await paymentOf(session, c.paymentId)).status).toBe("DISPUTED");
  });
});
