import { A, useNavigate, useParams } from "@solidjs/router";
import { createResource, createSignal, Match, Show, Switch } from "solid-js";
import type { PaymentDto } from "@contracts/payments.ts";
import { errorMessage, ApiError } from "../../lib/api/api-error.ts";
import { displayCredits } from "../../lib/credits.ts";
import { formatMoney } from "../../lib/money.ts";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { PaymentStatusBadge } from "./payment-status-badge.tsx";
import { completeDevCheckout, getDevCheckout, type DevCheckoutOutcome } from "./payments.api.ts";

const PROVIDERS: Record<PaymentDto["provider"], string> = {
  STRIPE: "Stripe (simulated)",
  COINBASE: "Coinbase (simulated)",
};

const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

const resultPath = (payment: Pick<PaymentDto, "id" | "status">) =>
  `/dashboard/credits?${new URLSearchParams({ payment: payment.id, status: payment.status }).toString()}`;

/**
 * /dev/checkout/:paymentId — stands in for the provider's hosted checkout when the Worker runs
 * without provider keys. Its buttons send a signed provider event through the real webhook code.
 */
export default function DevCheckoutPage() {
  const params = useParams<{ paymentId: string }>();
  const navigate = useNavigate();
  const [payment, { refetch }] = createResource(
    () => params.paymentId,
    async (paymentId) => (await getDevCheckout(paymentId)).payment,
  );
  const [pending, setPending] = createSignal<DevCheckoutOutcome | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);

  const complete = async (outcome: DevCheckoutOutcome) => {
    if (pending()) return;
    setPending(outcome);
    setFailure(null);
    try {
      const result = await completeDevCheckout(params.paymentId, outcome);
      // The provider would now send the buyer back to the app, as the success redirect does.
      navigate(resultPath(result.payment ?? { id: params.paymentId, status: "PENDING" }));
    } catch (error) {
      setFailure(errorMessage(error));
      setPending(null);
    }
  };

  return (
    <div class="mx-auto flex w-full max-w-xl flex-col gap-6">
      <div
        role="note"
        data-testid="test-checkout-notice"
        class="rounded-lg border-2 border-dashed border-amber-400 bg-amber-50 p-4 text-amber-900 dark:border-amber-600 dark:bg-amber-950/50 dark:text-amber-100"
      >
        <p class="font-semibold">Test checkout — no real money moves</p>
        <p class="mt-1 text-sm">
          This server has no payment provider keys, so this page plays the provider's part. Use the buttons to simulate
          the outcome.
        </p>
      </div>

      <section
        aria-labelledby="checkout-heading"
        class="rounded-xl border border-neutral-200 bg-white p-6 shadow-sm dark:border-neutral-800 dark:bg-neutral-900"
      >
        <h1 id="checkout-heading" class="text-2xl font-bold tracking-tight">
          Test checkout
        </h1>
        <Switch>
          <Match when={isNotFound(payment.error)}>
            <div class="mt-4">
              <ErrorNotice message="This checkout does not exist, or the test checkout is not available on this server." />
            </div>
          </Match>
          <Match when={payment.error}>
            <div class="mt-4">
              <ErrorNotice message={errorMessage(payment.error)} onRetry={() => void refetch()} />
            </div>
          </Match>
          <Match when={payment.latest}>
            {(current) => (
              <>
                <dl class="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
                  <dt class="text-neutral-500 dark:text-neutral-400">Package</dt>
                  <dd data-testid="checkout-package">{current().priceName ?? "Credit package"}</dd>
                  <dt class="text-neutral-500 dark:text-neutral-400">Credits</dt>
                  <dd data-testid="checkout-credits">{displayCredits(current().credits, { compact: true })}</dd>
                  <dt class="text-neutral-500 dark:text-neutral-400">Amount</dt>
                  <dd data-testid="checkout-amount" class="font-semibold">
                    {formatMoney(current().amount, current().currency)}
                  </dd>
                  <dt class="text-neutral-500 dark:text-neutral-400">Provider</dt>
                  <dd>{PROVIDERS[current().provider]}</dd>
                  <dt class="text-neutral-500 dark:text-neutral-400">Status</dt>
                  <dd>
                    <PaymentStatusBadge status={current().status} />
                  </dd>
                </dl>

                <Show when={failure()}>
                  {(message) => (
                    <div class="mt-4">
                      <ErrorNotice message={message()} />
                    </div>
                  )}
                </Show>

                <Show
                  when={current().status === "PENDING"}
                  fallback={
                    <p class="mt-6 text-sm">
                      This payment is no longer waiting for payment.{" "}
                      <A
                        href={resultPath(current())}
                        class="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                      >
                        Back to your credits
                      </A>
                    </p>
                  }
                >
                  <div class="mt-6 flex flex-wrap gap-3">
                    <button
                      type="button"
                      aria-disabled={pending() !== null}
                      onClick={() => void complete("paid")}
                      class="rounded-md bg-emerald-600 px-4 py-2 text-sm font-semibold text-white hover:bg-emerald-500 aria-disabled:cursor-wait aria-disabled:opacity-70"
                    >
                      {pending() === "paid" ? "Paying…" : "Pay (test)"}
                    </button>
                    <button
                      type="button"
                      aria-disabled={pending() !== null}
                      onClick={() => void complete("failed")}
                      class="rounded-md border border-red-300 px-4 py-2 text-sm font-semibold text-red-700 hover:bg-red-50 aria-disabled:cursor-wait aria-disabled:opacity-70 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950"
                    >
                      {pending() === "failed" ? "Failing…" : "Fail payment (test)"}
                    </button>
                    <A
                      href={`/dashboard/credits?${new URLSearchParams({ checkout: "cancelled", payment: current().id }).toString()}`}
                      class="rounded-md px-4 py-2 text-sm font-medium text-neutral-600 hover:underline dark:text-neutral-300"
                    >
                      Cancel
                    </A>
                  </div>
                </Show>
              </>
            )}
          </Match>
          <Match when={payment.loading}>
            <div class="mt-4">
              <LoadingNotice label="Loading checkout…" />
            </div>
          </Match>
        </Switch>
      </section>
    </div>
  );
}
