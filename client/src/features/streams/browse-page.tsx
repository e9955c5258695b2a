import { useSearchParams } from "@solidjs/router";
import { createEffect, createMemo, createResource, createSignal, For, on, onCleanup, Show } from "solid-js";
import type { StreamDto } from "@contracts/streams.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { createCursorList } from "../../lib/cursor-list.ts";
import { createDebounced } from "../../lib/debounced.ts";
import { EmptyNotice } from "../../ui/feedback/empty-notice.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadMore } from "../../ui/feedback/load-more.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { listCategories } from "../categories/categories.api.ts";
import { discoverParams, filtersFromParams, paramsFromFilters, type BrowseFilters } from "./browse-filters.ts";
import { FeaturedCarousel } from "./featured-carousel.tsx";
import { loadRecentSearches, rememberSearch, saveRecentSearches } from "./recent-searches.ts";
import { StreamGrid } from "./stream-grid.tsx";
import { discoverStreams } from "./streams.api.ts";

const PAGE_SIZE = 20;
const FEATURED = 5;
const SEARCH_DEBOUNCE_MS = 500;

const chip =
  "shrink-0 rounded-full border px-3 py-1 text-sm font-medium whitespace-nowrap border-neutral-300 hover:bg-neutral-100 aria-pressed:border-indigo-600 aria-pressed:bg-indigo-600 aria-pressed:text-white dark:border-neutral-700 dark:hover:bg-neutral-800";

function SkeletonGrid() {
  return (
    <ul class="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4" aria-hidden="true">
      <For each={Array.from({ length: 8 })}>
        {() => (
          <li class="overflow-hidden rounded-lg border border-neutral-200 dark:border-neutral-800">
            <div class="aspect-video animate-pulse bg-neutral-200 dark:bg-neutral-800" />
            <div class="space-y-2 p-3">
              <div class="h-4 w-3/4 animate-pulse rounded bg-neutral-200 dark:bg-neutral-800" />
              <div class="h-3 w-1/2 animate-pulse rounded bg-neutral-200 dark:bg-neutral-800" />
            </div>
          </li>
        )}
      </For>
    </ul>
  );
}

/** /browse — every stream, live first: search, categories, live-only, with the filters in the URL. */
export default function BrowsePage() {
  const [params, setParams] = useSearchParams();
  const filters = createMemo<BrowseFilters>(() => filtersFromParams(params), filtersFromParams(params), {
    equals: (a, b) => a.q === b.q && a.category === b.category && a.liveOnly === b.liveOnly,
  });
  const update = (patch: Partial<BrowseFilters>) => setParams(paramsFromFilters({ ...filters(), ...patch }));

  // The box follows the URL (Back restores it); typing reaches the URL after a pause.
  const [text, setText] = createSignal(filters().q);
  createEffect(
    on(
      () => filters().q,
      (q) => setText(q),
      { defer: true },
    ),
  );
  const [debounced, flush] = createDebounced(text, SEARCH_DEBOUNCE_MS);
  createEffect(
    on(
      debounced,
      (q) => {
        if (q.trim() !== filters().q.trim()) update({ q });
      },
      { defer: true },
    ),
  );
  const [recent, setRecent] = createSignal<string[]>(loadRecentSearches());
  createEffect(
    on(
      () => filters().q,
      (q) => {
        if (!q.trim()) return;
        const next = rememberSearch(recent(), q);
        setRecent(next);
        saveRecentSearches(next);
      },
    ),
  );

  const [categories] = createResource(async () => (await listCategories()).categories);
  const [featured] = createResource(async () => (await discoverStreams({ status: "live", limit: FEATURED })).streams);
  const list = createCursorList<StreamDto, BrowseFilters>({
    key: filters,
    fetchPage: async (f, cursor, signal) => {
      const page = await discoverStreams({ ...discoverParams(f, PAGE_SIZE), ...(cursor ? { cursor } : {}) }, signal);
      return { items: page.streams, nextCursor: page.nextCursor };
    },
  });

  // Infinite scroll: the sentinel under the grid asks for the next page as it comes into view.
  let sentinel: HTMLDivElement | undefined;
  createEffect(() => {
    if (!sentinel || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && list.hasMore() && !list.loading()) void list.loadMore();
    });
    observer.observe(sentinel);
    onCleanup(() => observer.disconnect());
  });

  const filtered = () => Boolean(filters().q || filters().category || filters().liveOnly);

  return (
    <div class="flex flex-col gap-6">
      <PageMeta
        title={filters().q ? `“${filters().q}” — Browse` : "Browse live streams"}
        description="Live streams on Tollgate: search by title, creator or category and pay only for what you watch."
      />
      <h1 class="text-3xl font-bold tracking-tight">Browse</h1>

      <Show when={!filtered() && (featured() ?? []).length > 0}>
        <FeaturedCarousel streams={featured() ?? []} />
      </Show>

      <form
        role="search"
        class="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          flush();
        }}
      >
        <div class="flex flex-wrap items-center gap-3">
          <label for="browse-search" class="sr-only">
            Search streams, creators and categories
          </label>
          <div class="relative min-w-0 flex-1">
            <input
              id="browse-search"
              type="search"
              list="recent-searches"
              autocomplete="off"
              placeholder="Search streams, creators, categories"
              value={text()}
              onInput={(e) => setText(e.currentTarget.value)}
              class="w-full rounded-md border border-neutral-300 bg-white px-3 py-2 pr-9 dark:border-neutral-700 dark:bg-neutral-900"
            />
            <Show when={text()}>
              <button
                type="button"
                aria-label="Clear search"
                onClick={() => {
                  setText("");
                  flush();
                }}
                class="absolute inset-y-0 right-2 px-1 text-neutral-500 hover:text-neutral-900 dark:hover:text-white"
              >
                ×
              </button>
            </Show>
            <datalist id="recent-searches">
              <For each={recent()}>{(term) => <option value={term} />}</For>
            </datalist>
          </div>
          <label class="flex items-center gap-2 text-sm font-medium">
            <input
              type="checkbox"
              checked={filters().liveOnly}
              onChange={(e) => update({ liveOnly: e.currentTarget.checked })}
              class="size-4"
            />
            Live only
          </label>
        </div>
        <div class="-mx-1 flex gap-2 overflow-x-auto px-1 pb-1" role="group" aria-label="Categories">
          <button
            type="button"
            class={chip}
            aria-pressed={!filters().category}
            onClick={() => update({ category: "" })}
          >
            All
          </button>
          <For each={categories() ?? []}>
            {(c) => (
              <button
                type="button"
                class={chip}
                aria-pressed={filters().category === c.slug}
                onClick={() => update({ category: filters().category === c.slug ? "" : c.slug })}
              >
                {c.name}
              </button>
            )}
          </For>
        </div>
      </form>

      <section aria-labelledby="results-heading" aria-busy={list.loading()}>
        <h2 id="results-heading" class="sr-only">
          Streams
        </h2>
        <Show when={list.error()}>
          {(error) => <ErrorNotice message={errorMessage(error())} onRetry={() => void list.reload()} />}
        </Show>
        <Show
          when={list.loaded()}
          fallback={
            <Show when={!list.error()}>
              <SkeletonGrid />
            </Show>
          }
        >
          <Show
            when={list.items().length > 0}
            fallback={
              <EmptyNotice
                message={
                  filtered() ? "No streams match. Try another search or category." : "No streams yet. Check back soon."
                }
              />
            }
          >
            <p class="sr-only" aria-live="polite">
              {list.items().length} streams shown
            </p>
            <StreamGrid streams={list.items()} />
          </Show>
        </Show>
        <div ref={sentinel} class="h-px" />
        <LoadMore hasMore={list.hasMore()} loading={list.loading()} onLoadMore={() => void list.loadMore()} />
      </section>
    </div>
  );
}
