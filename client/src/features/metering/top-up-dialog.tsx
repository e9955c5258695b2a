import { createResource, Show } from "solid-js";
import { displayCredits } from "../../lib/credits.ts";
import { Modal } from "../../ui/dialog/modal.tsx";
import { rememberCheckoutReturn, type CheckoutReturn } from "../payments/checkout-return.ts";
import { createCheckoutStarter } from "../payments/checkout-store.ts";
import { PricePicker } from "../payments/price-picker.tsx";
import { listPrices } from "../prices/prices.api.ts";

export interface TopUpDialogProps {
  open: boolean;
  onClose: () => void;
  /** Why it opened: the credits ran out (402), or the viewer asked. */
  exhausted: boolean;
  needed?: string | null;
  balance?: string | null;
  /** Offered on the credits page once the payment is through. */
  returnTo: CheckoutReturn;
}

/** The credits purchase flow (packages, provider, checkout) in a dialog over the watch page. */
export function TopUpDialog(props: TopUpDialogProps) {
  const starter = createCheckoutStarter();
  // The provider sends buyers back to the credits page; leave a note there to come back here.
  const checkout = {
    ...starter,
    buy: (priceId: string) => {
      rememberCheckoutReturn(props.returnTo);
      return starter.buy(priceId);
    },
  };
  const [prices, { refetch }] = createResource(
    () => props.open || undefined,
    async () => (await listPrices()).prices,
  );

  return (
    <Modal
      open={props.open}
      title={props.exhausted ? "Your credits ran out" : "Top up credits"}
      description="Choose how to pay and a package. After checkout, come back and resume the stream."
      onClose={() => props.onClose()}
    >
      <div class="flex flex-col gap-5" data-testid="top-up-dialog">
        <Show when={props.exhausted}>
          <p
            role="alert"
            class="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
          >
            The stream stopped because your balance
            <Show when={props.balance}>
              {(balance) => <> ({displayCredits(balance(), { compact: true })} credits)</>}
            </Show>{" "}
            does not cover the next interval
            <Show when={props.needed}>{(needed) => <> ({displayCredits(needed(), { compact: true })} credits)</>}</Show>
            . You were only charged for what you watched.
          </p>
        </Show>
        <PricePicker prices={prices} onRetry={() => void refetch()} checkout={checkout} />
      </div>
    </Modal>
  );
}
