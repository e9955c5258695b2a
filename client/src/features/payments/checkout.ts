import { PAYMENT_STATUSES, type PaymentDto } from "@contracts/payments.ts";
import { ApiError, errorMessage } from "../../lib/api/api-error.ts";

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** The `status` search parameter, if it names a payment status. */
export function parsePaymentStatus(value: string | undefined): PaymentStatus | null {
  return PAYMENT_STATUSES.find((status) => status === value) ?? null;
}

export type BannerTone = "success" | "info" | "warning" | "error";

export interface CheckoutBanner {
  tone: BannerTone;
  title: string;
  message: string;
}

export interface CheckoutBannerInput {
  /** `?checkout=`: "cancelled" when the buyer left the provider's page, "unknown" for an unmatched return. */
  checkout: string | undefined;
  /** `?payment=`: the payment the provider sent the buyer back for. */
  paymentId: string | undefined;
  /** `?status=` as the redirect saw it; the payment read from the API wins. */
  urlStatus: PaymentStatus | null;
  payment: PaymentDto | null;
  /** We stopped polling a payment that stayed PENDING. */
  timedOut: boolean;
  /** How to show the payment's credits ("500"). */
  formatCredits: (credits: string) => string;
}

/** What the credits page says about the checkout the buyer just came back from, if anything. */
export function checkoutBanner(input: CheckoutBannerInput): CheckoutBanner | null {
  if (input.checkout === "cancelled") {
    return {
      tone: "info",
      title: "Checkout cancelled",
      message: "No payment was taken. You can choose a package again whenever you like.",
    };
  }
  if (input.checkout === "unknown") {
    return {
      tone: "warning",
      title: "We could not match that checkout to a payment",
      message: "If you were charged, your credits appear here as soon as the payment provider confirms.",
    };
  }
  if (!input.paymentId) return null;

  const status = input.payment?.status ?? input.urlStatus ?? "PENDING";
  switch (status) {
    case "SUCCEEDED":
      return {
        tone: "success",
        title: input.payment
          ? `Payment received: ${input.formatCredits(input.payment.credits)} credits added`
          : "Payment received",
        message: "Your new balance is shown above. Thank you!",
      };
    case "FAILED":
      return {
        tone: "error",
        title: "Payment failed",
        message: "The payment did not go through and no credits were added. You can try again.",
      };
    case "REFUNDED":
      return { tone: "info", title: "Payment refunded", message: "This payment was refunded." };
    case "DISPUTED":
      return {
        tone: "warning",
        title: "Payment disputed",
        message: "This payment is disputed with your bank; its credits are on hold until the dispute closes.",
      };
    case "PENDING":
      return input.timedOut
        ? {
            tone: "warning",
            title: "Still waiting for confirmation",
            message:
              "The payment provider has not confirmed the payment yet. Your credits are added as soon as it does; you can leave this page.",
          }
        : {
            tone: "info",
            title: "Waiting for confirmation…",
            message: "We are checking with the payment provider. This usually takes a few seconds.",
          };
  }
}

/** A user-facing reason a checkout could not start. */
export function checkoutErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case "EMAIL_NOT_VERIFIED":
        return "Confirm your email address before buying credits. Check your inbox for the link.";
      case "PAYMENTS_UNAVAILABLE":
        return "Payments are unavailable right now. Please try again later.";
      case "PAYMENT_PROVIDER_ERROR":
        return "The payment provider could not start a checkout. Please try again.";
      case "PRICE_NOT_FOUND":
        return "This package is no longer available. Reload the page to see the current packages.";
    }
  }
  return errorMessage(error);
}

/**
 * Whether a checkout URL from the API is safe to navigate to: http(s) only, so a bad answer
 * can never run script (`javascript:`) in our origin.
 */
export function isSafeCheckoutUrl(url: string, base: string): boolean {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === "https:" || parsed.protocol === "http:";
  } catch {
    return false;
  }
}
