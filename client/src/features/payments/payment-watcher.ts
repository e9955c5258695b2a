import { batch, createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from "solid-js";
import type { PaymentDto } from "@contracts/payments.ts";
import { ApiError } from "../../lib/api/api-error.ts";

export interface PaymentWatcher {
  payment: Accessor<PaymentDto | null>;
  /** The payment stayed PENDING for the whole watch. */
  timedOut: Accessor<boolean>;
  error: Accessor<unknown>;
  /** The API refused to show the payment (unknown id, someone else's): watching stopped. */
  refused: Accessor<boolean>;
}

export interface PaymentWatcherOptions {
  /** The payment to watch; null watches nothing. */
  paymentId: Accessor<string | null>;
  fetchPayment: (paymentId: string, signal: AbortSignal) => Promise<PaymentDto>;
  /** Told once, when the payment leaves PENDING (to refresh the balance and the history). */
  onSettled?: (payment: PaymentDto) => void;
  intervalMs?: number;
  timeoutMs?: number;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === "AbortError";
const isRefusal = (error: unknown) => error instanceof ApiError && error.status >= 400 && error.status < 500;

/**
 * Reads a payment the buyer just came back from and, while the provider has not confirmed it,
 * reads it again every 2 s for up to a minute.
 */
export function createPaymentWatcher(options: PaymentWatcherOptions): PaymentWatcher {
  const [payment, setPayment] = createSignal<PaymentDto | null>(null);
  const [timedOut, setTimedOut] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [refused, setRefused] = createSignal(false);
  const intervalMs = options.intervalMs ?? 2_000;
  const timeoutMs = options.timeoutMs ?? 60_000;

  const paymentId = createMemo(options.paymentId);

  createEffect(
    on(paymentId, (paymentId) => {
      batch(() => {
        setPayment(null);
        setTimedOut(false);
        setError(null);
        setRefused(false);
      });
      if (!paymentId) return;
      const controller = new AbortController();
      const deadline = Date.now() + timeoutMs;
      let timer: ReturnType<typeof setTimeout> | undefined;

      const next = () => {
        if (Date.now() >= deadline) setTimedOut(true);
        else timer = setTimeout(() => void check(), intervalMs);
      };
      const check = async () => {
        try {
          const current = await options.fetchPayment(paymentId, controller.signal);
          batch(() => {
            setPayment(current);
            setError(null);
          });
          if (current.status === "PENDING") next();
          else options.onSettled?.(current);
        } catch (cause) {
          if (isAbort(cause)) return;
          setError(cause);
          if (isRefusal(cause)) setRefused(true);
          else next(); // a network or server failure says nothing about the payment: keep asking
        }
      };
      void check();
      onCleanup(() => {
        clearTimeout(timer);
        controller.abort();
      });
    }),
  );

  return { payment, timedOut, error, refused };
}
