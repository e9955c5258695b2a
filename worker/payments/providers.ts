import type { Db } from "../platform/db/client.ts";
import type { Payment, PaymentProvider } from "./payments.schema.ts";
import type { AppConfig } from "../platform/env.ts";
import type { Logger } from "../platform/logger.ts";
import type { CheckoutProvider } from "./checkout-provider.ts";
import { createCoinbaseCheckoutProvider } from "./coinbase/coinbase-checkout-provider.ts";
import { receiveCoinbaseWebhook } from "./coinbase/coinbase-webhook.ts";
import { createDevCheckoutProvider } from "./dev/dev-checkout-provider.ts";
import { devCoinbaseEvent, devStripeEvent, type DevOutcome } from "./dev/dev-events.ts";
import { findPaymentForProvider } from "./find-payment.ts";
import { coinbaseMode, coinbaseWebhookSecret, stripeMode, stripeWebhookSecret } from "./provider-config.ts";
import { createStripeCheckoutProvider } from "./stripe/stripe-checkout-provider.ts";
import { receiveStripeWebhook } from "./stripe/stripe-webhook.ts";
import type { WebhookOutcome } from "./webhooks/record-webhook-event.ts";

export interface PaymentDeps {
  db: Db;
  logger: Logger;
  config: AppConfig;
  appUrl: string;
}

/** The live provider when its keys are set, else (outside production) the built-in dev checkout. */
export function checkoutProviderFor(provider: PaymentProvider, deps: PaymentDeps): CheckoutProvider {
  const { config } = deps;
  const deliverRefund = async (paymentId: string, refundCentsTotal: bigint) => {
    const payment = await findPaymentForProvider(deps.db, { provider, paymentId });
    await deliverDevEvent(deps.db, { payment, outcome: "refunded", refundCentsTotal }, deps);
  };
  if (provider === "STRIPE") {
    return stripeMode(config) === "live"
      ? createStripeCheckoutProvider({ secretKey: config.STRIPE_SECRET_KEY ?? "", apiBase: config.STRIPE_API_BASE })
      : createDevCheckoutProvider({ provider, appUrl: deps.appUrl, deliverRefund });
  }
  return coinbaseMode(config) === "live"
    ? createCoinbaseCheckoutProvider({ apiKey: config.COINBASE_API_KEY ?? "", apiBase: config.COINBASE_API_BASE })
    : createDevCheckoutProvider({ provider, appUrl: deps.appUrl, deliverRefund });
}

/**
 * The dev checkout's "pay" button: builds the event the provider would send, signs it with the
 * dev webhook secret and hands it to the same receiver the public webhook route uses.
 */
export async function deliverDevEvent(
  db: Db,
  input: { payment: Payment; outcome: DevOutcome; refundCentsTotal?: bigint },
  deps: Omit<PaymentDeps, "db">,
): Promise<WebhookOutcome> {
  const { payment, outcome, refundCentsTotal = 0n } = input;
  if (payment.provider === "STRIPE") {
    const secret = stripeWebhookSecret(deps.config);
    const delivery = await devStripeEvent(payment, outcome, secret, refundCentsTotal);
    const result = await receiveStripeWebhook(
      db,
      { rawBody: delivery.rawBody, signature: delivery.headers["stripe-signature"] },
      { logger: deps.logger, webhookSecret: secret },
    );
    return result.outcome;
  }
  const secret = coinbaseWebhookSecret(deps.config);
  const delivery = await devCoinbaseEvent(payment, outcome, secret, refundCentsTotal);
  const result = await receiveCoinbaseWebhook(
    db,
    { rawBody: delivery.rawBody, header: (n) => delivery.headers[n.toLowerCase()] },
    { logger: deps.logger, webhookSecret: secret },
  );
  return result.outcome;
}
