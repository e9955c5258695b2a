import { For } from "solid-js";
import type { PriceDto } from "@contracts/payments.ts";
import { formatMoney } from "../../lib/money.ts";
import { tdClass, thClass } from "../credits/payment-history-table.tsx";
import { Badge } from "../feedback/badge.tsx";

export interface PriceTableProps {
  prices: PriceDto[];
  /** The package whose visibility is being saved. */
  togglingId: string | null;
  onToggle: (price: PriceDto) => void;
  onEdit: (price: PriceDto) => void;
}

const creditsFormat = new Intl.NumberFormat(undefined);

/** Every package, on sale or not, with a switch for its visibility and an Edit button. */
export function PriceTable(props: PriceTableProps) {
  return (
    <div
      class="overflow-x-auto rounded-lg border border-neutral-200 dark:border-neutral-800"
      role="region"
      aria-label="Price packages table"
      tabindex="0"
    >
      <table class="min-w-full divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
        <thead class="bg-neutral-50 dark:bg-neutral-900">
          <tr>
            <th scope="col" class={thClass}>
              Package
            </th>
            <th scope="col" class={`${thClass} text-right`}>
              Credits
            </th>
            <th scope="col" class={`${thClass} text-right`}>
              Price
            </th>
            <th scope="col" class={thClass}>
              Status
            </th>
            <th scope="col" class={thClass}>
              On sale
            </th>
            <th scope="col" class={thClass}>
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody class="divide-y divide-neutral-200 dark:divide-neutral-800">
          <For each={props.prices}>
            {(price) => (
              <tr data-testid="admin-price-row" data-product-code={price.productCode}>
                <td class={tdClass}>
                  <span class="block font-medium">{price.name}</span>
                  <code class="text-xs text-neutral-500 dark:text-neutral-400">{price.productCode}</code>
                </td>
                <td class={`${tdClass} text-right tabular-nums`}>{creditsFormat.format(price.credits)}</td>
                <td class={`${tdClass} text-right tabular-nums`}>{formatMoney(price.amount, price.currency)}</td>
                <td class={tdClass}>
                  <Badge tone={price.active ? "green" : "neutral"} testId="price-status">
                    {price.active ? "Active" : "Inactive"}
                  </Badge>
                </td>
                <td class={tdClass}>
                  <button
                    type="button"
                    role="switch"
                    aria-checked={price.active}
                    aria-label={`${price.name} on sale`}
                    aria-busy={props.togglingId === price.id}
                    onClick={() => {
                      if (props.togglingId === null) props.onToggle(price);
                    }}
                    class="relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors aria-busy:opacity-60 aria-[checked=true]:bg-emerald-600 aria-[checked=false]:bg-neutral-300 dark:aria-[checked=false]:bg-neutral-700"
                  >
                    <span
                      aria-hidden="true"
                      class="inline-block size-5 rounded-full bg-white shadow transition-transform"
                      classList={{ "translate-x-5": price.active, "translate-x-0.5": !price.active }}
                    />
                  </button>
                </td>
                <td class={`${tdClass} text-right`}>
                  <button
                    type="button"
                    onClick={() => props.onEdit(price)}
                    class="rounded-md px-3 py-1.5 font-medium text-indigo-600 hover:bg-indigo-50 dark:text-indigo-400 dark:hover:bg-indigo-950"
                  >
                    Edit<span class="sr-only"> {price.name}</span>
                  </button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
