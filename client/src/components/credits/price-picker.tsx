import { Match, Switch } from "solid-js";
import type { PriceDto, ProviderName } from "@contracts/payments.ts";
import { errorMessage } from "../../lib/api-error.ts";
import { EmptyNotice } from "../feedback/empty-notice.tsx";
import { ErrorNotice } from "../feedback/error-notice.tsx";
import { LoadingNotice } from "../feedback/loading-notice.tsx";
import { PriceGrid } from "./price-grid.tsx";
import { ProviderChoice } from "./provider-choice.tsx";

export interface PricePickerProps {
  prices: PriceDto[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  provider: ProviderName;
  onProviderChange: (provider: ProviderName) => void;
  pendingPriceId: string | null;
  errorFor: (priceId: string) => string | undefined;
  onBuy: (priceId: string) => void;
}

/** The provider choice and the packages with their Buy buttons (credits page and top-up dialog). */
export function PricePicker(props: PricePickerProps) {
  return (
    <div class="flex flex-col gap-5" aria-busy={props.loading}>
      <ProviderChoice value={props.provider} onChange={props.onProviderChange} />
      <Switch>
        <Match when={props.error && !props.prices}>
          <ErrorNotice message={errorMessage(props.error)} onRetry={props.onRetry} />
        </Match>
        <Match when={!props.prices}>
          <LoadingNotice label="Loading packages…" />
        </Match>
        <Match when={props.prices?.length === 0}>
          <EmptyNotice message="No credit packages are on sale right now." />
        </Match>
        <Match when={props.prices}>
          {(prices) => (
            <PriceGrid
              prices={prices()}
              pendingPriceId={props.pendingPriceId}
              errorFor={props.errorFor}
              onBuy={props.onBuy}
            />
          )}
        </Match>
      </Switch>
    </div>
  );
}
