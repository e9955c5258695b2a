import { createEffect, createSignal, For, on } from "solid-js";
import type { CreatorStreamsQuery } from "@contracts/creator-streams.ts";
import { createDebounced } from "../../lib/debounced.ts";
import type { StreamsView } from "./streams-page-params.ts";

const SEARCH_DEBOUNCE_MS = 400;
const STATUS_CHIPS: { value: CreatorStreamsQuery["status"]; label: string }[] = [
  { value: "all", label: "All" },
  { value: "LIVE", label: "Live" },
  { value: "SCHEDULED", label: "Scheduled" },
  { value: "ENDED", label: "Ended" },
];
const chip =
  "rounded-full border px-3 py-1 text-sm font-medium border-neutral-300 hover:bg-neutral-100 aria-pressed:border-indigo-600 aria-pressed:bg-indigo-600 aria-pressed:text-white dark:border-neutral-700 dark:hover:bg-neutral-800";
const inputClass =
  "mt-1 block rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm dark:border-neutral-700 dark:bg-neutral-900";

/** Status, date range and search of the stream manager; every change goes to the URL (page 1). */
export function StreamsFilters(props: { view: StreamsView; onChange: (patch: Partial<StreamsView>) => void }) {
  // The box follows the URL (Back restores it); typing reaches the URL after a pause.
  const [text, setText] = createSignal(props.view.q);
  createEffect(
    on(
      () => props.view.q,
      (q) => setText(q),
      { defer: true },
    ),
  );
  const [debounced, flush] = createDebounced(text, SEARCH_DEBOUNCE_MS);
  createEffect(
    on(
      debounced,
      (q) => {
        if (q.trim() !== props.view.q.trim()) props.onChange({ q });
      },
      { defer: true },
    ),
  );
  return (
    <div class="flex flex-wrap items-end gap-4" role="group" aria-label="Filters">
      <div role="group" aria-label="Status" class="flex flex-wrap gap-2 self-center">
        <For each={STATUS_CHIPS}>
          {(c) => (
            <button
              type="button"
              class={chip}
              aria-pressed={props.view.status === c.value}
              data-testid={`status-${c.value}`}
              onClick={() => props.onChange({ status: c.value })}
            >
              {c.label}
            </button>
          )}
        </For>
      </div>
      <label class="text-sm font-medium">
        From
        <input
          type="date"
          class={inputClass}
          data-testid="filter-from"
          value={props.view.from}
          max={props.view.to || undefined}
          onChange={(event) => props.onChange({ from: event.currentTarget.value })}
        />
      </label>
      <label class="text-sm font-medium">
        To
        <input
          type="date"
          class={inputClass}
          data-testid="filter-to"
          value={props.view.to}
          min={props.view.from || undefined}
          onChange={(event) => props.onChange({ to: event.currentTarget.value })}
        />
      </label>
      <form
        role="search"
        class="min-w-48 flex-1"
        onSubmit={(event) => {
          event.preventDefault();
          flush();
        }}
      >
        <label class="text-sm font-medium">
          Search
          <input
            type="search"
            class={`${inputClass} w-full`}
            placeholder="Title or tag"
            data-testid="filter-search"
            maxlength="100"
            value={text()}
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </label>
      </form>
    </div>
  );
}
