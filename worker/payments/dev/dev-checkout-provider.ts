import type { PaymentProvider } from "../payments.schema.ts";
import type { CheckoutProvider } from "../checkout-provider.ts";

/**
 * The built-in test checkout used when a provider has no keys outside production: the URL is
 * the client's clearly labelled /dev/checkout page, whose buttons send a signed provider
 * event through the real webhook route. Refunds likewise arrive as signed webhook events.
 */
export function createDevCheckoutProvider(options: {
  provider: PaymentProvider;
  appUrl: string;
  deliverRefund: (paymentId: string, refundCentsTotal: bigint) => Promise<void>;
}): CheckoutProvider {
  const prefix = options.provider === "STRIPE" ? "cs_dev_" : "cb_dev_";
  return {
    mode: "dev",
    async createCheckout({ payment }) {
      return {
        providerRef: `${prefix}${payment.id.replace(/-/g, "")}`,
        checkoutUrl: `${options.appUrl}/dev/checkout/${payment.id}`,
      };
    },
    async refund({ payment, amountCents }) {
      await options.deliverRefund(payment.id, payment.refundedCents + amountCents);
      return { refundId: `re_dev_${payment.id.slice(0, 8)}_${payment.refundedCents + amountCents}` };
    },
  };
}
