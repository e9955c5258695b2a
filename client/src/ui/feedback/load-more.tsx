import { Show } from "solid-js";

export interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  label?: string;
}

/** The "Load more" button under a paginated list; it stays put (and keeps focus) while loading. */
export function LoadMore(props: LoadMoreProps) {
  return (
    <Show when={props.hasMore}>
      <div class="mt-4 flex justify-center">
        <button
          type="button"
          onClick={() => props.onLoadMore()}
          aria-disabled={props.loading}
          class="rounded-md border border-neutral-300 px-4 py-2 text-sm font-medium hover:bg-neutral-100 aria-disabled:cursor-wait aria-disabled:opacity-70 dark:border-neutral-700 dark:hover:bg-neutral-800"
        >
          {props.loading ? "Loading…" : (props.label ?? "Load more")}
        </button>
      </div>
    </Show>
  );
}
