import { type Resource } from "solid-js";
import type { PriceDto } from "@contracts/prices.ts";
import { ResourceListView } from "../../ui/feedback/resource-list-view.tsx";
import type { CheckoutStarter } from "./checkout-store.ts";
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
  return (
    <div class="flex flex-col gap-5" aria-busy={props.prices.loading}>
      <ProviderChoice value={props.checkout.provider()} onChange={props.checkout.setProvider} />
      <ResourceListView
        resource={props.prices}
        onRetry={props.onRetry}
        loadingLabel="Loading packages…"
        emptyMessage="No credit packages are on sale right now."
      >
        {(current) => (
          <PriceGrid
            prices={current()}
            pendingPriceId={props.checkout.pendingPriceId()}
            errorFor={props.checkout.errorFor}
            onBuy={(priceId) => void props.checkout.buy(priceId)}
          />
        )}
      </ResourceListView>
    </div>
  );
}
