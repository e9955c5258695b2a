import { eq } from "drizzle-orm";
import type { CheckoutRequest } from "../../contracts/payments.ts";
import { payments } from "./payments.schema.ts";
import { findActivePrice } from "../prices/index.ts";
import type { Db } from "../platform/db/client.ts";
import { AppError } from "../platform/errors.ts";
import { creditsToMillis } from "../../contracts/money.ts";
import { checkoutProviderFor, type PaymentDeps } from "./providers.ts";

/** A PENDING payment first, then the provider's checkout; a provider failure marks it FAILED. */
export async function createCheckout(
  db: Db,
  input: CheckoutRequest & { userId: string; email: string },
  deps: Omit<PaymentDeps, "db">,
): Promise<{ checkoutUrl: string; sessionId: string; paymentId: string }> {
  const price = await findActivePrice(db, input.priceId);
  if (!price) throw new AppError("PRICE_NOT_FOUND", 404, "This price package is not available");
  const provider = input.provider === "stripe" ? "STRIPE" : "COINBASE";
  const checkoutProvider = checkoutProviderFor(provider, { ...deps, db });
  const [payment] = await db
    .insert(payments)
    .values({
      userId: input.userId,
      priceId: price.id,
      provider,
      status: "PENDING",
      amountCents: price.amountCents,
      currency: price.currency,
      credits: creditsToMillis(price.credits),
      metadata: { productCode: price.productCode, mode: checkoutProvider.mode },
    })
    .returning();
  if (!payment) throw new Error("createCheckout: insert returned no payment");
  try {
    const session = await checkoutProvider.createCheckout({
      payment,
      price,
      customerEmail: input.email,
      successUrl: `${deps.appUrl}/api/payments/success?session_id=${provider === "STRIPE" && checkoutProvider.mode === "live" ? "{CHECKOUT_SESSION_ID}" : payment.id}`,
      cancelUrl: `${deps.appUrl}/dashboard/credits?checkout=cancelled&payment=${payment.id}`,
    });
    await db.update(payments).set({ providerRef: session.providerRef }).where(eq(payments.id, payment.id));
    return { checkoutUrl: session.checkoutUrl, sessionId: session.providerRef, paymentId: payment.id };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    deps.logger.error("checkout creation failed", { paymentId: payment.id, provider, error });
    await db
      .update(payments)
      .set({ status: "FAILED", metadata: { ...payment.metadata, failureReason: reason.slice(0, 500) } })
      .where(eq(payments.id, payment.id));
    if (error instanceof AppError) throw error;
    throw new AppError("PAYMENT_PROVIDER_ERROR", 502, "The payment provider could not start a checkout; try again");
  }
}
