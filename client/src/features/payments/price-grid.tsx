import { createUniqueId, For, Show } from "solid-js";
import type { PriceDto } from "@contracts/prices.ts";
import { bestValuePriceId } from "../prices/prices.ts";
import { PriceCard } from "./price-card.tsx";

export interface PriceGridProps {
  prices: PriceDto[];
  pendingPriceId: string | null;
  errorFor: (priceId: string) => string | undefined;
  onBuy: (priceId: string) => void;
}

/** The packages for sale, each with its Buy button and the reason its checkout did not start. */
export function PriceGrid(props: PriceGridProps) {
  const best = () => bestValuePriceId(props.prices);
  return (
    <ul class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <For each={props.prices}>
        {(price) => (
          <li class="flex">
            <div class="flex-1 [&>article]:h-full">
              <PriceCard price={price} bestValue={best() === price.id}>
                <BuyButton
                  name={price.name}
                  pending={props.pendingPriceId === price.id}
                  busy={props.pendingPriceId !== null}
                  error={props.errorFor(price.id)}
                  onBuy={() => props.onBuy(price.id)}
                />
              </PriceCard>
            </div>
          </li>
        )}
      </For>
    </ul>
  );
}

export interface BuyButtonProps {
  name: string;
  pending?: boolean;
  /** Another checkout is starting: this one waits. */
  busy?: boolean;
  error?: string | undefined;
  onBuy?: () => void;
  /** The admin preview: looks the same, does nothing. */
  preview?: boolean;
}

export function BuyButton(props: BuyButtonProps) {
  const errorId = `buy-error-${createUniqueId()}`;
  return (
    <div class="flex flex-col gap-2">
      <button
        type="button"
        data-testid="buy-button"
        aria-disabled={props.preview || props.busy ? "true" : undefined}
        aria-describedby={props.error ? errorId : undefined}
        onClick={() => {
          if (!props.preview && !props.busy) props.onBuy?.();
        }}
        class="w-full rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 aria-disabled:cursor-not-allowed aria-disabled:opacity-70 dark:bg-indigo-500 dark:hover:bg-indigo-400"
      >
        <Show when={props.pending} fallback={<>Buy</>}>
          Redirecting to checkout…
        </Show>
        <span class="sr-only"> {props.name}</span>
      </button>
      <Show when={props.error}>
        <p id={errorId} role="alert" class="text-sm text-red-700 dark:text-red-300">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
