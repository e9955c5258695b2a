import { createUniqueId, Show, type ParentProps } from "solid-js";
import type { PriceDto } from "@contracts/prices.ts";
import { currencyUnit, formatMoney } from "../../lib/money.ts";
import { creditsPerUnit } from "../prices/prices.ts";

export interface PriceCardProps {
  price: PriceDto;
  bestValue?: boolean;
}

const creditsFormat = new Intl.NumberFormat(undefined);
const perUnitFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** One credit package as buyers see it; the action (a Buy button) comes as children. */
export function PriceCard(props: ParentProps<PriceCardProps>) {
  const headingId = `price-${createUniqueId()}`;
  return (
    <article
      data-testid="price-card"
      aria-labelledby={headingId}
      class="relative flex flex-col rounded-xl border bg-white p-5 shadow-sm dark:bg-neutral-900"
      classList={{
        "border-indigo-500 ring-1 ring-indigo-500 dark:border-indigo-400 dark:ring-indigo-400": props.bestValue,
        "border-neutral-200 dark:border-neutral-800": !props.bestValue,
      }}
    >
      <div class="flex items-start justify-between gap-2">
        <h3 id={headingId} class="text-base font-semibold">
          {props.price.name}
        </h3>
        <Show when={props.bestValue}>
          <span
            data-testid="best-value"
            class="rounded-full bg-indigo-600 px-2.5 py-0.5 text-xs font-semibold text-white dark:bg-indigo-500"
          >
            Best value
          </span>
        </Show>
      </div>
      <p class="mt-3">
        <span class="text-4xl font-bold tracking-tight">{creditsFormat.format(props.price.credits)}</span>{" "}
        <span class="text-sm text-neutral-600 dark:text-neutral-400">credits</span>
      </p>
      <p class="mt-2 text-xl font-semibold">{formatMoney(props.price.amount, props.price.currency)}</p>
      <p class="mt-1 text-sm text-neutral-500 dark:text-neutral-400">
        {perUnitFormat.format(creditsPerUnit(props.price))} credits per {currencyUnit(props.price.currency)}
      </p>
      <div class="mt-auto pt-4">{props.children}</div>
    </article>
  );
}
