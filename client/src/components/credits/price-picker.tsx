import { Match, Switch, type Resource } from "solid-js";
import type { PriceDto } from "@contracts/payments.ts";
import { errorMessage } from "../../lib/api-error.ts";
import type { CheckoutStarter } from "../../stores/checkout.ts";
import { EmptyNotice } from "../feedback/empty-notice.tsx";
import { ErrorNotice } from "../feedback/error-notice.tsx";
import { LoadingNotice } from "../feedback/loading-notice.tsx";
import { PriceGrid } from "./price-grid.tsx";
import { ProviderChoice } from "./provider-choice.tsx";

export interface PricePickerProps {
  /** The packages on sale, as `createResource` loads them. */
  prices: Resource<PriceDto[]>;
  onRetry: () => void;
  checkout: CheckoutStarter;
}

/** The provider choice and the packages with their Buy buttons (credits page and top-up dialog). */
export function PricePicker(props: PricePickerProps) {
  // The last good list stays up while a refetch runs; a failed load shows the error instead.
  const prices = () => (props.prices.error ? undefined : props.prices.latest);
  return (
    <div class="flex flex-col gap-5" aria-busy={props.prices.loading}>
      <ProviderChoice value={props.checkout.provider()} onChange={props.checkout.setProvider} />
      <Switch>
        <Match when={props.prices.error && !prices()}>
          <ErrorNotice message={errorMessage(props.prices.error)} onRetry={props.onRetry} />
        </Match>
        <Match when={!prices()}>
          <LoadingNotice label="Loading packages…" />
        </Match>
        <Match when={prices()?.length === 0}>
          <EmptyNotice message="No credit packages are on sale right now." />
        </Match>
        <Match when={prices()}>
          {(current) => (
            <PriceGrid
              prices={current()}
              pendingPriceId={props.checkout.pendingPriceId()}
              errorFor={props.checkout.errorFor}
              onBuy={(priceId) => void props.checkout.buy(priceId)}
            />
          )}
        </Match>
      </Switch>
    </div>
  );
}
