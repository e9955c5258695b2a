import type { PriceDto } from "@contracts/prices.ts";
import { formatMoney } from "../../lib/money.ts";
import { DataTable, type DataColumn } from "../../ui/data-table.tsx";
import { Badge } from "../../ui/feedback/badge.tsx";

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
  const columns: DataColumn<PriceDto>[] = [
    {
      header: "Package",
      cell: (price) => (
        <>
          <span class="block font-medium">{price.name}</span>
          <code class="text-xs text-neutral-500 dark:text-neutral-400">{price.productCode}</code>
        </>
      ),
    },
    { header: "Credits", align: "right", class: "tabular-nums", cell: (price) => creditsFormat.format(price.credits) },
    {
      header: "Price",
      align: "right",
      class: "tabular-nums",
      cell: (price) => formatMoney(price.amount, price.currency),
    },
    {
      header: "Status",
      cell: (price) => (
        <Badge tone={price.active ? "green" : "neutral"} testId="price-status">
          {price.active ? "Active" : "Inactive"}
        </Badge>
      ),
    },
    {
      header: "On sale",
      cell: (price) => (
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
      ),
    },
    {
      header: "Actions",
      hideHeader: true,
      align: "right",
      cell: (price) => (
        <button
          type="button"
          onClick={() => props.onEdit(price)}
          class="rounded-md px-3 py-1.5 font-medium text-indigo-600 hover:bg-indigo-50 dark:text-indigo-400 dark:hover:bg-indigo-950"
        >
          Edit<span class="sr-only"> {price.name}</span>
        </button>
      ),
    },
  ];

  return (
    <DataTable
      label="Price packages table"
      columns={columns}
      rows={props.prices}
      rowTestId="admin-price-row"
      rowData={(price) => ({ "data-product-code": price.productCode })}
    />
  );
}
