import { A, useSearchParams } from "@solidjs/router";
import { createEffect, createMemo, createResource, on, Show } from "solid-js";
import { displayCredits } from "../../lib/credits.ts";
import { createCursorList } from "../../lib/cursor-list.ts";
import { firstParam } from "../../lib/redirect.ts";
import { CursorListView } from "../../ui/feedback/cursor-list-view.tsx";
import { ResendVerification } from "../auth/resend-verification.tsx";
import { useSession } from "../auth/session-context.tsx";
import { listPrices } from "../prices/prices.api.ts";
import { BalanceSummary } from "../wallet/balance-summary.tsx";
import { useWallet } from "../wallet/wallet-context.tsx";
import { CheckoutBanner } from "./checkout-banner.tsx";
import { checkoutReturn, forgetCheckoutReturn } from "./checkout-return.ts";
import { createCheckoutStarter } from "./checkout-store.ts";
import { checkoutBanner, parsePaymentStatus } from "./checkout.ts";
import { PaymentHistoryTable } from "./payment-history-table.tsx";
import { createPaymentWatcher } from "./payment-watcher.ts";
import { cancelPayment, getPayment, listPayments } from "./payments.api.ts";
import { PricePicker } from "./price-picker.tsx";

const HISTORY_PAGE_SIZE = 20;
const linkClass = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";

/** /dashboard/credits: buy a package, see past payments, and hear how the last checkout went. */
export default function CreditsPage() {
  const session = useSession();
  const wallet = useWallet();
  const [params, setParams] = useSearchParams();
  const checkout = createCheckoutStarter();
  const [prices, { refetch: refetchPrices }] = createResource(async () => (await listPrices()).prices);

  const history = createCursorList({
    key: () => "payments",
    fetchPage: async (_key, cursor, signal) => {
      const page = await listPayments({ cursor, limit: HISTORY_PAGE_SIZE }, signal);
      return { items: page.payments, nextCursor: page.nextCursor };
    },
  });

  // The provider (or the dev checkout) sends the buyer back with ?payment=<id>&status=<status>,
  // or ?checkout=cancelled&payment=<id>.
  const paymentId = () => firstParam(params.payment) || undefined;
  const checkoutParam = () => firstParam(params.checkout) || undefined;
  const watcher = createPaymentWatcher({
    paymentId: () => (checkoutParam() === "cancelled" ? null : (paymentId() ?? null)),
    fetchPayment: async (id, signal) => (await getPayment(id, signal)).payment,
    onSettled: () => {
      void wallet.refresh();
      void history.reload();
    },
  });

  // Back through the cancel URL: tell the server, so the payment stops counting as pending.
  createEffect(
    on([checkoutParam, paymentId], ([checkoutValue, cancelledId]) => {
      if (checkoutValue !== "cancelled" || !cancelledId) return;
      cancelPayment(cancelledId)
        .then(() => Promise.all([wallet.refresh(), history.reload()]))
        .catch((error: unknown) => console.warn("could not cancel the payment", error)); // the banner stays as it is
    }),
  );

  const urlStatus = () => parsePaymentStatus(firstParam(params.status));
  const banner = createMemo(() =>
    checkoutBanner({
      checkout: watcher.refused() ? "unknown" : checkoutParam(),
      paymentId: paymentId(),
      urlStatus: urlStatus(),
      payment: watcher.payment(),
      timedOut: watcher.timedOut(),
      formatCredits: (credits) => displayCredits(credits, { compact: true }),
    }),
  );
  const waiting = () =>
    !!paymentId() &&
    !checkoutParam() &&
    !watcher.refused() &&
    !watcher.timedOut() &&
    (watcher.payment()?.status ?? urlStatus() ?? "PENDING") === "PENDING";
  const dismissBanner = () =>
    setParams({ payment: undefined, status: undefined, checkout: undefined }, { replace: true });
  // A checkout started from another page (the watch page's top-up) offers the way back.
  const returnTo = checkoutReturn();

  return (
    <div class="flex flex-col gap-8">
      <header>
        <h1 class="text-3xl font-bold tracking-tight">Buy credits</h1>
        <p class="mt-2 max-w-2xl text-neutral-600 dark:text-neutral-400">
          Credits pay for the streams you watch. Pick a package; you will be sent to a secure checkout and back here
          when it is done.
        </p>
      </header>

      <Show when={banner()}>
        {(current) => <CheckoutBanner banner={current()} waiting={waiting()} onDismiss={dismissBanner} />}
      </Show>
      <Show when={banner() && returnTo}>
        {(target) => (
          <div>
            <A
              href={target().path}
              onClick={() => forgetCheckoutReturn()}
              data-testid="checkout-return"
              class="inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400"
            >
              {target().label}
            </A>
          </div>
        )}
      </Show>

      <BalanceSummary balance={wallet.balance()}>
        <A href="/dashboard/wallet" class={linkClass}>
          View wallet and ledger
        </A>
      </BalanceSummary>

      <Show when={session.me()?.user.emailVerified === false}>
        <section
          aria-labelledby="credits-verify-heading"
          class="flex flex-col gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100"
        >
          <h2 id="credits-verify-heading" class="font-semibold">
            Confirm your email to buy credits
          </h2>
          <p>Purchases unlock once you open the link we sent to {session.me()?.user.email}.</p>
          <ResendVerification email={session.me()?.user.email ?? ""} label="Resend confirmation email" />
        </section>
      </Show>

      <section aria-labelledby="packages-heading" class="flex flex-col gap-4">
        <h2 id="packages-heading" class="text-xl font-semibold">
          Packages
        </h2>
        <PricePicker prices={prices} onRetry={() => void refetchPrices()} checkout={checkout} />
      </section>

      <section aria-labelledby="history-heading" aria-busy={history.loading()} class="flex flex-col gap-4">
        <h2 id="history-heading" class="text-xl font-semibold">
          Payment history
        </h2>
        <CursorListView
          list={history}
          loadingLabel="Loading payments…"
          emptyMessage="No payments yet. Your purchases will be listed here."
          loadMoreLabel="Load more payments"
        >
          <PaymentHistoryTable payments={history.items()} />
        </CursorListView>
      </section>
    </div>
  );
}
