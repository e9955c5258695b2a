import { A } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, on, onCleanup, Show } from "solid-js";
import type { FollowedCreatorDto } from "@contracts/follows.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { EmptyNotice } from "../../ui/feedback/empty-notice.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { viewersLabel } from "../streams/stream-display.ts";
import { listFollowing, unfollowCreator } from "./follows.api.ts";
import { newlyLive } from "./went-live.ts";

/** The list refreshes itself this often, so a creator going live shows up while the page is open. */
const REFRESH_MS = 30_000;

/** /dashboard/following — followed creators, live ones first with their stream, then by name. */
export default function FollowingPage() {
  const [following, { refetch, mutate }] = createResource(async () => (await listFollowing()).creators);
  const [announcement, setAnnouncement] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);

  const timer = setInterval(() => {
    if (document.visibilityState === "visible") void refetch();
  }, REFRESH_MS);
  onCleanup(() => clearInterval(timer));
  createEffect(
    on(following, (now, before) => {
      const live = newlyLive(before ?? [], now ?? []);
      if (before && live.length) setAnnouncement(`${live.map((c) => c.displayName).join(", ")} went live`);
    }),
  );

  const unfollow = async (creator: FollowedCreatorDto) => {
    setError(null);
    const before = following() ?? [];
    mutate(before.filter((c) => c.id !== creator.id));
    try {
      await unfollowCreator(creator.id);
    } catch (cause) {
      mutate(before);
      setError(errorMessage(cause));
    }
  };

  return (
    <div class="flex flex-col gap-6">
      <h1 class="text-3xl font-bold tracking-tight">Following</h1>
      <p role="status" aria-live="polite" class="text-sm font-medium text-red-700 empty:hidden dark:text-red-300">
        {announcement()}
      </p>
      <Show when={error()}>{(message) => <ErrorNotice message={message()} />}</Show>
      <Show
        when={following()}
        fallback={
          <Show when={following.error} fallback={<LoadingNotice label="Loading who you follow…" />}>
            <ErrorNotice message={errorMessage(following.error)} onRetry={() => void refetch()} />
          </Show>
        }
      >
        {(list) => (
          <Show
            when={list().length > 0}
            fallback={<EmptyNotice message="You don't follow anyone yet. Find creators on the browse page." />}
          >
            <ul class="divide-y divide-neutral-200 rounded-lg border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800">
              <For each={list()}>
                {(creator) => (
                  <li
                    data-testid="followed-creator"
                    data-creator-id={creator.id}
                    class="flex flex-wrap items-center gap-4 p-4"
                  >
                    <div class="min-w-0 flex-1">
                      <A href={`/creator/${encodeURIComponent(creator.id)}`} class="font-semibold hover:underline">
                        {creator.displayName}
                      </A>
                      <Show when={creator.live}>
                        {(live) => (
                          <p class="mt-1 flex flex-wrap items-center gap-2 text-sm">
                            <span class="rounded bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white uppercase">
                              Live
                            </span>
                            <A href={`/watch/${encodeURIComponent(live().streamId)}`} class="hover:underline">
                              {live().title}
                            </A>
                            <span class="text-neutral-500">{viewersLabel(live().viewerCount)}</span>
                          </p>
                        )}
                      </Show>
                    </div>
                    <button
                      type="button"
                      onClick={() => void unfollow(creator)}
                      class="rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800"
                    >
                      Unfollow <span class="sr-only">{creator.displayName}</span>
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </div>
  );
}
