import { AppError } from "../../platform/errors.ts";
import type { CheckoutProvider } from "../checkout-provider.ts";
import { createStripeClient } from "./stripe-client.ts";

export function createStripeCheckoutProvider(options: {
  secretKey: string;
  apiBase?: string | undefined;
}): CheckoutProvider {
  const stripe = createStripeClient(options.secretKey, options.apiBase);
  return {
    mode: "live",
    async createCheckout({ payment, price, customerEmail, successUrl, cancelUrl }) {
      const metadata = { userId: payment.userId, priceId: price.id, paymentId: payment.id };
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          client_reference_id: payment.id,
          customer_email: customerEmail,
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: price.currency,
                unit_amount: Number(price.amountCents),
                product_data: { name: `${price.credits.toLocaleString("en-US")} Tollgate credits (${price.name})` },
              },
            },
          ],
          metadata,
          payment_intent_data: { metadata },
          success_url: successUrl,
          cancel_url: cancelUrl,
        },
        { idempotencyKey: `checkout:${payment.id}` },
      );
      if (!session.url) throw new AppError("PAYMENT_PROVIDER_ERROR", 502, "Stripe returned no checkout URL");
      return { providerRef: session.id, checkoutUrl: session.url };
    },
    async refund({ payment, amountCents, idempotencyKey }) {
      const paymentIntent =
        typeof payment.metadata.paymentIntentId === "string" ? payment.metadata.paymentIntentId : undefined;
      if (!paymentIntent) throw new AppError("NOT_REFUNDABLE", 409, "This payment has no Stripe payment intent yet");
      const refund = await stripe.refunds.create(
        { payment_intent: paymentIntent, amount: Number(amountCents), metadata: { paymentId: payment.id } },
        { idempotencyKey: `refund:${payment.id}:${idempotencyKey}` },
      );
      return { refundId: refund.id };
    },
  };
}
