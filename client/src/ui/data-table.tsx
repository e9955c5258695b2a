import { For, type JSX } from "solid-js";

export interface DataColumn<Row> {
  header: string;
  /** Keeps the header for screen readers only (a column of buttons, say). */
  hideHeader?: boolean;
  cell: (row: Row) => JSX.Element;
  /** Numbers and actions line up on the right. */
  align?: "right";
  /** Extra classes for the cell, or a function of the row for classes that depend on it. */
  class?: string | ((row: Row) => string);
  testId?: string;
}

export interface DataTableProps<Row> {
  /** Names the scrollable region that holds the table. */
  label: string;
  columns: DataColumn<Row>[];
  rows: Row[];
  rowTestId?: string;
  /** `data-*` attributes for a row, so tests and scripts can find one by its id. */
  rowData?: (row: Row) => Record<`data-${string}`, string>;
}

const thClass =
  "px-3 py-2 text-left text-xs font-semibold tracking-wide text-neutral-500 uppercase dark:text-neutral-400";
const tdClass = "px-3 py-3 align-top whitespace-nowrap";

const alignClass = (align: "right" | undefined) => (align === "right" ? "text-right" : "");

const cellClass = <Row,>(column: DataColumn<Row>, row: Row) => {
  const extra = typeof column.class === "function" ? column.class(row) : column.class;
  return [tdClass, alignClass(column.align), extra].filter(Boolean).join(" ");
};

/** A table in a focusable, horizontally scrollable region, so keyboard users can reach its overflow. */
export function DataTable<Row>(props: DataTableProps<Row>) {
  return (
    <div
      class="overflow-x-auto rounded-lg border border-neutral-200 dark:border-neutral-800"
      role="region"
      aria-label={props.label}
      tabindex="0"
    >
      <table class="min-w-full divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
        <thead class="bg-neutral-50 dark:bg-neutral-900">
          <tr>
            <For each={props.columns}>
              {(column) => (
                <th scope="col" class={[thClass, alignClass(column.align)].filter(Boolean).join(" ")}>
                  {column.hideHeader ? <span class="sr-only">{column.header}</span> : column.header}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody class="divide-y divide-neutral-200 dark:divide-neutral-800">
          <For each={props.rows}>
            {(row) => (
              <tr data-testid={props.rowTestId} {...props.rowData?.(row)}>
                <For each={props.columns}>
                  {(column) => (
                    <td data-testid={column.testId} class={cellClass(column, row)}>
                      {column.cell(row)}
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
