import {
  checkoutResponseSchema,
  devCheckoutResultSchema,
  paymentEnvelopeSchema,
  paymentHistorySchema,
  type CheckoutRequest,
} from "@contracts/payments.ts";
import { apiFetch, post, query, segment, type PageQuery } from "../../lib/api/core.ts";

export const startCheckout = (input: CheckoutRequest) => post("/api/payments/checkout", checkoutResponseSchema, input);

export const listPayments = (params: PageQuery, signal?: AbortSignal) =>
  apiFetch(`/api/payments/history${query({ ...params })}`, { schema: paymentHistorySchema, signal });

export const getPayment = (paymentId: string, signal?: AbortSignal) =>
  apiFetch(`/api/payments/${segment(paymentId)}`, { schema: paymentEnvelopeSchema, signal });

export const cancelPayment = (paymentId: string) =>
  post(`/api/payments/${segment(paymentId)}/cancel`, paymentEnvelopeSchema);

export type DevCheckoutOutcome = "paid" | "failed";

/** The built-in test checkout (404 when the Worker has provider keys). */
export const getDevCheckout = (paymentId: string, signal?: AbortSignal) =>
  apiFetch(`/api/dev/checkout/${segment(paymentId)}`, { schema: paymentEnvelopeSchema, signal });

export const completeDevCheckout = (paymentId: string, outcome: DevCheckoutOutcome) =>
  post(`/api/dev/checkout/${segment(paymentId)}/complete`, devCheckoutResultSchema, { outcome });
