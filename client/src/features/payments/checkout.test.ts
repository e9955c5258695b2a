import { describe, expect, it } from "vitest";
import type { PaymentDto } from "@contracts/payments.ts";
import { ApiError } from "../../lib/api/api-error.ts";
import {
  checkoutBanner,
  checkoutErrorMessage,
  isSafeCheckoutUrl,
  parsePaymentStatus,
  type CheckoutBannerInput,
} from "./checkout.ts";

const payment = (status: PaymentDto["status"]): PaymentDto => ({
  id: "0b0f6a52-8a39-4f3c-9a51-2d7d5b9b1c11",
  provider: "STRIPE",
  status,
  amount: "8.99",
  refundedAmount: "0.00",
  currency: "usd",
  credits: "500.000",
  priceName: "Regular",
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
});

const input = (overrides: Partial<CheckoutBannerInput>): CheckoutBannerInput => ({
  checkout: undefined,
  paymentId: "0b0f6a52-8a39-4f3c-9a51-2d7d5b9b1c11",
  urlStatus: null,
  payment: null,
  timedOut: false,
  formatCredits: (credits) => credits.replace(/\.000$/, ""),
  ...overrides,
});

describe("checkoutBanner", () => {
  it("says nothing without a checkout to report", () => {
    expect(checkoutBanner(input({ paymentId: undefined }))).toBeNull();
  });

  it("announces the credits of a succeeded payment", () => {
    expect(checkoutBanner(input({ payment: payment("SUCCEEDED") }))).toMatchObject({
      tone: "success",
      title: "Payment received: 500 credits added",
    });
    // Before the payment is read, the redirect's word is enough to say it was received.
    expect(checkoutBanner(input({ urlStatus: "SUCCEEDED" }))).toMatchObject({
      tone: "success",
      title: "Payment received",
    });
  });

  it("waits on a pending payment, then says it is still waiting", () => {
    expect(checkoutBanner(input({ urlStatus: "PENDING" }))?.title).toBe("Waiting for confirmation…");
    expect(checkoutBanner(input({ payment: payment("PENDING"), timedOut: true }))).toMatchObject({
      tone: "warning",
      title: "Still waiting for confirmation",
    });
  });

  it("trusts the payment read from the API over the redirect's status", () => {
    expect(checkoutBanner(input({ urlStatus: "PENDING", payment: payment("SUCCEEDED") }))?.tone).toBe("success");
    expect(checkoutBanner(input({ urlStatus: "SUCCEEDED", payment: payment("FAILED") }))?.tone).toBe("error");
  });

  it("reports failed, refunded, cancelled and unmatched checkouts", () => {
    expect(checkoutBanner(input({ payment: payment("FAILED") }))).toMatchObject({
      tone: "error",
      title: "Payment failed",
    });
    expect(checkoutBanner(input({ payment: payment("REFUNDED") }))?.tone).toBe("info");
    expect(checkoutBanner(input({ payment: payment("DISPUTED") }))?.title).toBe("Payment disputed");
    expect(checkoutBanner(input({ checkout: "cancelled" }))).toMatchObject({
      tone: "info",
      title: "Checkout cancelled",
    });
    expect(checkoutBanner(input({ checkout: "unknown", paymentId: undefined }))?.tone).toBe("warning");
  });
});

describe("parsePaymentStatus", () => {
  it("accepts only payment statuses", () => {
    expect(parsePaymentStatus("SUCCEEDED")).toBe("SUCCEEDED");
    expect(parsePaymentStatus("succeeded")).toBeNull();
    expect(parsePaymentStatus(undefined)).toBeNull();
  });
});

describe("checkoutErrorMessage", () => {
  it("explains the refusals a buyer can act on", () => {
    expect(checkoutErrorMessage(new ApiError(403, "EMAIL_NOT_VERIFIED", "Email not verified"))).toMatch(
      /Confirm your email/,
    );
    expect(checkoutErrorMessage(new ApiError(503, "PAYMENTS_UNAVAILABLE", "x"))).toMatch(/unavailable/);
    expect(checkoutErrorMessage(new ApiError(502, "PAYMENT_PROVIDER_ERROR", "x"))).toMatch(/provider/);
    expect(checkoutErrorMessage(new ApiError(500, "INTERNAL", "Something broke"))).toBe("Something broke");
  });
});

describe("isSafeCheckoutUrl", () => {
  const base = "https://tollgate.test";
  it("allows http(s) only", () => {
    expect(isSafeCheckoutUrl("https://checkout.stripe.com/c/pay/cs_test", base)).toBe(true);
    expect(isSafeCheckoutUrl("http://127.0.0.1:8787/dev/checkout/abc", base)).toBe(true);
    expect(isSafeCheckoutUrl("/dev/checkout/abc", base)).toBe(true);
    expect(isSafeCheckoutUrl("javascript:alert(1)", base)).toBe(false);
    expect(isSafeCheckoutUrl("data:text/html,hi", base)).toBe(false);
  });
});
