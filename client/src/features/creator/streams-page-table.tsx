import { A, useNavigate } from "@solidjs/router";
import { createEffect, For, Show } from "solid-js";
import type { CreatorStreamRow, CreatorStreamSort } from "@contracts/creator-streams.ts";
import { formatCredits } from "@contracts/money.ts";
import { displayCredits } from "../../lib/credits.ts";
import { DropdownMenu, type MenuAction } from "../../ui/menu/dropdown-menu.tsx";
import { StreamStatusBadge } from "../streams/stream-status-badge.tsx";
import { durationLabel, type StreamsView } from "./streams-page-params.ts";

export interface StreamsTableProps {
  rows: CreatorStreamRow[];
  view: StreamsView;
  onSort: (sort: CreatorStreamSort) => void;
  selected: ReadonlySet<string>;
  onSelect: (id: string, selected: boolean) => void;
  onSelectAll: (selected: boolean) => void;
  onEdit: (row: CreatorStreamRow) => void;
  onEnd: (row: CreatorStreamRow) => void;
  onDelete: (row: CreatorStreamRow) => void;
}

const thClass =
  "px-3 py-2 text-left text-xs font-semibold tracking-wide text-neutral-500 uppercase dark:text-neutral-400";
const tdClass = "px-3 py-3 align-top whitespace-nowrap";
const numberFormat = new Intl.NumberFormat();
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const onAir = (row: CreatorStreamRow) => row.status === "LIVE" || row.status === "PAUSED";

function SortHeader(props: {
  label: string;
  sort: CreatorStreamSort;
  view: StreamsView;
  onSort: (sort: CreatorStreamSort) => void;
  align?: "right";
}) {
  const active = () => props.view.sort === props.sort;
  const state = () => (active() ? (props.view.dir === "asc" ? "ascending" : "descending") : "none");
  return (
    <th scope="col" aria-sort={state()} class={thClass} classList={{ "text-right": props.align === "right" }}>
      <button
        type="button"
        data-testid={`sort-${props.sort}`}
        onClick={() => props.onSort(props.sort)}
        class="inline-flex items-center gap-1 rounded uppercase hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-white"
      >
        {props.label}
        <span aria-hidden="true" class="w-3 text-center">
          {active() ? (props.view.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}

/** The stream manager's table: sortable headers (aria-sort), a checkbox per row, a menu of actions. */
export function StreamsTable(props: StreamsTableProps) {
  const navigate = useNavigate();
  const allSelected = () => props.rows.length > 0 && props.rows.every((r) => props.selected.has(r.id));
  const someSelected = () => props.rows.some((r) => props.selected.has(r.id));
  let selectAll: HTMLInputElement | undefined;
  createEffect(() => {
    if (selectAll) selectAll.indeterminate = someSelected() && !allSelected();
  });

  const actions = (row: CreatorStreamRow): MenuAction[] => [
    { label: "Edit", onSelect: () => props.onEdit(row) },
    { label: "Analytics", onSelect: () => navigate(`/creator/stream/${encodeURIComponent(row.id)}/analytics`) },
    { label: "Watch", onSelect: () => navigate(`/watch/${encodeURIComponent(row.id)}`) },
    ...(onAir(row) ? [{ label: "End stream", onSelect: () => props.onEnd(row), danger: true }] : []),
    { label: "Delete", onSelect: () => props.onDelete(row), danger: true },
  ];

  return (
    <div
      class="overflow-x-auto rounded-lg border border-neutral-200 dark:border-neutral-800"
      role="region"
      aria-label="Your streams"
      tabindex="0"
    >
      <table class="min-w-full divide-y divide-neutral-200 text-sm dark:divide-neutral-800" data-testid="streams-table">
        <thead class="bg-neutral-50 dark:bg-neutral-900">
          <tr>
            <th scope="col" class={thClass}>
              <input
                ref={selectAll}
                type="checkbox"
                aria-label="Select all streams on this page"
                data-testid="select-all"
                checked={allSelected()}
                onChange={(event) => props.onSelectAll(event.currentTarget.checked)}
                class="size-4"
              />
            </th>
            <SortHeader label="Title" sort="title" view={props.view} onSort={props.onSort} />
            <SortHeader label="Status" sort="status" view={props.view} onSort={props.onSort} />
            <SortHeader label="Date" sort="date" view={props.view} onSort={props.onSort} />
            <SortHeader label="Duration" sort="duration" view={props.view} onSort={props.onSort} align="right" />
            <SortHeader label="Viewers" sort="viewers" view={props.view} onSort={props.onSort} align="right" />
            <SortHeader label="Revenue" sort="revenue" view={props.view} onSort={props.onSort} align="right" />
            <th scope="col" class={thClass}>
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody class="divide-y divide-neutral-200 dark:divide-neutral-800">
          <For each={props.rows}>
            {(row) => (
              <tr data-testid="stream-row" data-stream-id={row.id} data-status={row.status}>
                <td class={tdClass}>
                  <input
                    type="checkbox"
                    aria-label={`Select ${row.title}`}
                    data-testid="select-row"
                    checked={props.selected.has(row.id)}
                    onChange={(event) => props.onSelect(row.id, event.currentTarget.checked)}
                    class="size-4"
                  />
                </td>
                <td class="max-w-80 px-3 py-3 align-top">
                  <A
                    href={`/creator/stream/${encodeURIComponent(row.id)}/analytics`}
                    class="font-medium break-words text-indigo-600 hover:underline dark:text-indigo-400"
                    data-testid="stream-title"
                  >
                    {row.title}
                  </A>
                  <p class="text-xs text-neutral-500 dark:text-neutral-400">
                    {[row.category?.name, ...row.tags.map((t) => `#${t}`)].filter(Boolean).join(" · ")}
                  </p>
                </td>
                <td class={tdClass}>
                  <StreamStatusBadge status={row.status} />
                </td>
                <td class={tdClass} data-testid="stream-date">
                  <time datetime={row.startedAt ?? row.createdAt}>
                    {dateFormat.format(new Date(row.startedAt ?? row.createdAt))}
                  </time>
                  <Show when={!row.startedAt}>
                    <span class="block text-xs text-neutral-500 dark:text-neutral-400">created</span>
                  </Show>
                </td>
                <td class={`${tdClass} text-right tabular-nums`} data-testid="stream-duration">
                  {durationLabel(row.durationSeconds)}
                </td>
                <td class={`${tdClass} text-right tabular-nums`} data-testid="stream-viewers">
                  {numberFormat.format(row.peakViewers)}
                  <span class="block text-xs text-neutral-500 dark:text-neutral-400">
                    {numberFormat.format(row.uniqueViewers)} unique
                  </span>
                </td>
                <td class={`${tdClass} text-right tabular-nums`} data-testid="stream-revenue">
                  {displayCredits(formatCredits(BigInt(row.revenueMillicredits)))}
                </td>
                <td class={`${tdClass} text-right`}>
                  <DropdownMenu
                    label={`Actions for ${row.title}`}
                    testId="row-actions"
                    trigger={
                      <span aria-hidden="true" class="px-1 text-lg leading-none">
                        ⋯
                      </span>
                    }
                    items={actions(row)}
                  />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** Rows of grey bars in the table's shape while the first page loads. */
export function StreamsTableSkeleton() {
  return (
    <div
      class="rounded-lg border border-neutral-200 p-3 dark:border-neutral-800"
      aria-hidden="true"
      data-testid="streams-skeleton"
    >
      <For each={Array.from({ length: 6 })}>
        {() => (
          <div class="my-2 h-10 animate-pulse rounded bg-neutral-200 motion-reduce:animate-none dark:bg-neutral-800" />
        )}
      </For>
    </div>
  );
}
