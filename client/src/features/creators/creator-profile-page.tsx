import { A, useParams } from "@solidjs/router";
import { createResource, createSignal, Show } from "solid-js";
import type { StreamDto } from "@contracts/streams.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { EmptyNotice } from "../../ui/feedback/empty-notice.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { LoadMore } from "../../ui/feedback/load-more.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { FollowButton } from "../follows/follow-button.tsx";
import { StreamGrid } from "../streams/stream-grid.tsx";
import { listStreams } from "../streams/streams.api.ts";
import { getCreatorProfile } from "./creators.api.ts";
import { watchTimeLabel } from "./creator-stats.ts";

/** /creator/:creatorId — a creator's public page: who they are, their live stream, their past streams. */
export default function CreatorProfilePage() {
  const params = useParams<{ creatorId: string }>();
  const [profile, { refetch }] = createResource(
    () => params.creatorId,
    (id) => getCreatorProfile(id),
  );
  const [older, setOlder] = createSignal<StreamDto[]>([]);
  const [cursor, setCursor] = createSignal<string | null | undefined>(undefined);
  const [loadingMore, setLoadingMore] = createSignal(false);
  const nextCursor = () => (cursor() === undefined ? (profile()?.pastStreams.nextCursor ?? null) : cursor());

  const loadMore = async () => {
    const from = nextCursor();
    if (!from || loadingMore()) return;
    setLoadingMore(true);
    try {
      const page = await listStreams({ status: "ended", creatorId: params.creatorId, cursor: from });
      setOlder((previous) => [...previous, ...page.streams]);
      setCursor(page.nextCursor);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Show
      when={profile()}
      fallback={
        <Show when={profile.error} fallback={<LoadingNotice label="Loading the creator…" />}>
          <ErrorNotice message={errorMessage(profile.error)} onRetry={() => void refetch()} />
        </Show>
      }
    >
      {(p) => (
        <div class="flex flex-col gap-8">
          <PageMeta
            title={p().creator.displayName}
            description={p().creator.bio ?? `${p().creator.displayName} streams live on Tollgate.`}
            image={p().creator.avatarUrl}
          />
          <header class="flex flex-wrap items-center gap-6">
            <Show
              when={p().creator.avatarUrl}
              fallback={
                <span
                  aria-hidden="true"
                  class="flex size-20 items-center justify-center rounded-full bg-indigo-600 text-3xl font-bold text-white"
                >
                  {p().creator.displayName.trim().charAt(0).toUpperCase() || "?"}
                </span>
              }
            >
              {(src) => <img src={src()} alt="" class="size-20 rounded-full object-cover" />}
            </Show>
            <div class="flex min-w-0 flex-1 flex-col gap-2">
              <h1 class="text-3xl font-bold tracking-tight">{p().creator.displayName}</h1>
              <Show when={p().creator.bio}>
                {(bio) => <p class="max-w-2xl text-neutral-600 dark:text-neutral-400">{bio()}</p>}
              </Show>
              <FollowButton
                creatorId={p().creator.id}
                initial={{ following: p().creator.following ?? false, followerCount: p().creator.followerCount }}
              />
            </div>
          </header>

          <dl class="grid grid-cols-2 gap-4 sm:max-w-md">
            <div class="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
              <dt class="text-sm text-neutral-500">Streams</dt>
              <dd data-testid="creator-total-streams" class="text-2xl font-semibold">
                {p().creator.totalStreams}
              </dd>
            </div>
            <div class="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
              <dt class="text-sm text-neutral-500">Watched</dt>
              <dd class="text-2xl font-semibold">{watchTimeLabel(p().creator.totalWatchSeconds)}</dd>
            </div>
          </dl>

          <Show when={p().liveStream}>
            {(live) => (
              <section aria-labelledby="live-now-heading">
                <h2 id="live-now-heading" class="mb-3 text-xl font-semibold">
                  Live now
                </h2>
                <StreamGrid streams={[live()]} />
              </section>
            )}
          </Show>

          <section aria-labelledby="past-heading">
            <h2 id="past-heading" class="mb-3 text-xl font-semibold">
              Past streams
            </h2>
            <Show when={p().pastStreams.streams.length > 0} fallback={<EmptyNotice message="No past streams yet." />}>
              <StreamGrid streams={[...p().pastStreams.streams, ...older()]} />
              <LoadMore hasMore={nextCursor() !== null} loading={loadingMore()} onLoadMore={() => void loadMore()} />
            </Show>
          </section>
          <p>
            <A href="/browse" class="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
              Browse all streams
            </A>
          </p>
        </div>
      )}
    </Show>
  );
}
