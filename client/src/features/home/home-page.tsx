import { A } from "@solidjs/router";
import { createResource, Show } from "solid-js";
import { ResourceListView } from "../../ui/feedback/resource-list-view.tsx";
import { useSession } from "../auth/session-context.tsx";
import { listCategories } from "../categories/categories.api.ts";
import { CategoryGrid } from "../categories/category-grid.tsx";
import { StreamGrid } from "../streams/stream-grid.tsx";
import { listStreams } from "../streams/streams.api.ts";

const LIVE_STREAMS_SHOWN = 12;

export default function HomePage() {
  const [categories, { refetch }] = createResource(async () => (await listCategories()).categories);
  const [liveStreams, { refetch: refetchLive }] = createResource(
    async () => (await listStreams({ status: "live", limit: LIVE_STREAMS_SHOWN })).streams,
  );
  const session = useSession();
  const primary =
    "rounded-md bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400";
  const secondary =
    "rounded-md border border-neutral-300 px-4 py-2 font-semibold hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800";

  return (
    <div class="flex flex-col gap-12">
      <section class="py-8 sm:py-12">
        <h1 class="max-w-3xl text-4xl font-bold tracking-tight sm:text-5xl">
          Live streams, pay only for what you watch
        </h1>
        <p class="mt-4 max-w-2xl text-lg text-neutral-600 dark:text-neutral-400">
          Top up credits once and watch any stream. You are charged for every 10 seconds you watch, and every credit is
          on your statement.
        </p>
        <div class="mt-6 flex flex-wrap gap-3">
          <Show
            when={session.status() === "signed-in"}
            fallback={
              <>
                <A href="/register" class={primary}>
                  Create an account
                </A>
                <A href="/login" class={secondary}>
                  Log in
                </A>
              </>
            }
          >
            <A href="/dashboard/credits" class={primary}>
              Buy credits
            </A>
            <A href="/dashboard" class={secondary}>
              Your dashboard
            </A>
          </Show>
        </div>
      </section>

      <section aria-labelledby="live-heading" aria-busy={liveStreams.loading}>
        <h2 id="live-heading" class="mb-4 text-2xl font-semibold tracking-tight">
          Live now
        </h2>
        <ResourceListView
          resource={liveStreams}
          onRetry={() => void refetchLive()}
          loadingLabel="Loading live streams…"
          emptyMessage="Nobody is live right now. Check back soon."
        >
          {(list) => <StreamGrid streams={list()} />}
        </ResourceListView>
      </section>

      <section aria-labelledby="categories-heading" aria-busy={categories.loading}>
        <h2 id="categories-heading" class="mb-4 text-2xl font-semibold tracking-tight">
          Categories
        </h2>
        <div aria-live="polite">
          <ResourceListView
            resource={categories}
            onRetry={() => void refetch()}
            loadingLabel="Loading categories…"
            emptyMessage="No categories yet. Check back soon."
          >
            {(list) => <CategoryGrid categories={list()} />}
          </ResourceListView>
        </div>
      </section>
    </div>
  );
}
