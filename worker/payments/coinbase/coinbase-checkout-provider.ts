import { formatCents } from "../../../contracts/money.ts";
import { AppError } from "../../platform/errors.ts";
import type { CheckoutProvider } from "../checkout-provider.ts";
import { parseCdpKey, signCdpRequest } from "./cdp-jwt.ts";

export const COINBASE_API = "https://business.coinbase.com";

/**
 * Coinbase Business Checkouts API (the successor of Commerce charges). Prices are charged in
 * USDC at par with the USD price; other currencies are refused rather than converted here.
 */
export function createCoinbaseCheckoutProvider(options: {
  apiKey: string;
  apiBase?: string | undefined;
  fetcher?: typeof fetch;
}): CheckoutProvider {
  const base = options.apiBase ?? COINBASE_API;
  const fetcher = options.fetcher ?? fetch;
  const key = parseCdpKey(options.apiKey);

  async function call(
    method: string,
    path: string,
    body: unknown,
    idempotencyKey: string,
  ): Promise<Record<string, unknown>> {
    const url = new URL(path, base);
    const res = await fetcher(url, {
      method,
      headers: {
        authorization: `Bearer ${await signCdpRequest(await key, method, url)}`,
        "content-type": "application/json",
        "x-idempotency-key": idempotencyKey,
      },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok)
      throw new AppError("PAYMENT_PROVIDER_ERROR", 502, `Coinbase answered ${res.status}`, {
        body: text.slice(0, 500),
      });
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new AppError("PAYMENT_PROVIDER_ERROR", 502, "Coinbase answered with invalid JSON");
    }
  }

  return {
    mode: "live",
    async createCheckout({ payment, price, successUrl, cancelUrl }) {
      if (price.currency.toLowerCase() !== "usd") {
        throw new AppError("CURRENCY_NOT_SUPPORTED", 400, "Crypto checkout supports USD-priced packages only");
      }
      const checkout = await call(
        "POST",
        "/api/v1/checkouts",
        {
          amount: formatCents(price.amountCents),
          currency: "USDC",
          description: `${price.credits} Tollgate credits (${price.name})`,
          metadata: { paymentId: payment.id, userId: payment.userId, priceId: price.id },
          successRedirectUrl: successUrl,
          failRedirectUrl: cancelUrl,
          expiresAt: new Date(Date.now() + 60 * 60_000).toISOString(),
        },
        `checkout:${payment.id}`,
      );
      if (typeof checkout.id !== "string" || typeof checkout.url !== "string") {
        throw new AppError("PAYMENT_PROVIDER_ERROR", 502, "Coinbase returned no checkout id or URL");
      }
      return { providerRef: checkout.id, checkoutUrl: checkout.url };
    },
    async refund({ payment, amountCents, idempotencyKey }) {
      if (!payment.providerRef) throw new AppError("NOT_REFUNDABLE", 409, "This payment has no Coinbase checkout");
      const refund = await call(
        "POST",
        `/api/v1/checkouts/${encodeURIComponent(payment.providerRef)}/refund`,
        { amount: formatCents(amountCents), currency: "USDC" },
        `refund:${payment.id}:${idempotencyKey}`,
      );
      return { refundId: typeof refund.id === "string" ? refund.id : `${payment.providerRef}:refund` };
    },
  };
}
