import Stripe from "stripe";

/**
 * The Stripe SDK on Workers: fetch as the HTTP client, SubtleCrypto for signatures.
 * apiBase (STRIPE_API_BASE) points it elsewhere, e.g. stripe-mock in tests.
 */
export function createStripeClient(secretKey: string, apiBase?: string): Stripe {
  const base = apiBase ? new URL(apiBase) : undefined;
  return new Stripe(secretKey, {
    httpClient: Stripe.createFetchHttpClient(),
    maxNetworkRetries: 1,
    timeout: 15_000,
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port || (base.protocol === "https:" ? 443 : 80)),
          protocol: base.protocol === "https:" ? ("https" as const) : ("http" as const),
        }
      : {}),
  });
}

export const stripeCrypto = Stripe.createSubtleCryptoProvider();

/** Webhook verification needs no API key; a placeholder keeps the SDK constructor happy. */
export const webhookVerifier = (secretKey?: string) => createStripeClient(secretKey ?? "sk_webhooks_only");
