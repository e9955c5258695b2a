import { A } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { errorMessage } from "../../lib/api/api-error.ts";
import { displayCredits } from "../../lib/credits.ts";
import { EmptyNotice } from "../../ui/feedback/empty-notice.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { useSession } from "../auth/session-context.tsx";
import { getCreatorProfile } from "../creators/creators.api.ts";
import { watchTimeLabel } from "../creators/creator-stats.ts";
import { StreamStatusBadge } from "../streams/stream-status-badge.tsx";
import { listStreams } from "../streams/streams.api.ts";
import { getCreatorAnalytics, getCreatorEarnings } from "./creator.api.ts";
import { StatCard } from "./stat-card.tsx";

const RECENT_STREAMS = 5;
const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const primaryButton =
  "rounded-md bg-red-600 px-4 py-2 text-sm font-semibold text-white hover:bg-red-500 dark:bg-red-600 dark:hover:bg-red-500";
const secondaryButton =
  "rounded-md border border-neutral-300 px-4 py-2 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800";

const credits = (amount: string) => `${displayCredits(amount)} credits`;

/** /creator/dashboard: earnings, audience and the latest streams at a glance. */
export default function CreatorDashboardPage() {
  const session = useSession();
  const creatorId = () => session.me()?.user.id;

  // The analytics default range is the last 30 days, which is what the viewer cards promise.
  const [stats, { refetch: refetchStats }] = createResource(creatorId, async (id) => {
    const [earnings, analytics, profile] = await Promise.all([
      getCreatorEarnings(),
      getCreatorAnalytics({}),
      getCreatorProfile(id),
    ]);
    return { earnings, analytics, profile: profile.creator };
  });
  const [streams, { refetch: refetchStreams }] = createResource(
    creatorId,
    async (id) => (await listStreams({ creatorId: id, status: "all", limit: RECENT_STREAMS })).streams,
  );
  const ready = () => (stats.error ? undefined : stats.latest);

  return (
    <div class="flex flex-col gap-8">
      <header class="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 class="text-3xl font-bold tracking-tight">Creator dashboard</h1>
          <p class="mt-2 text-neutral-600 dark:text-neutral-400">Earnings and audience of your streams.</p>
        </div>
        <div class="flex flex-wrap gap-3">
          <A href="/creator/streams" class={secondaryButton}>
            Manage streams
          </A>
          <A href="/creator/analytics" class={secondaryButton}>
            Analytics
          </A>
          <A href="/creator/go-live" class={primaryButton}>
            Go live
          </A>
        </div>
      </header>

      <section aria-labelledby="stats-heading" aria-busy={stats.loading} class="flex flex-col gap-4">
        <h2 id="stats-heading" class="sr-only">
          Figures
        </h2>
        <Show when={stats.error}>
          <ErrorNotice message={errorMessage(stats.error)} onRetry={() => void refetchStats()} />
        </Show>
        <Show when={!stats.error}>
          <dl class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <StatCard
              label="Total earnings"
              testId="total-earnings"
              value={ready() && credits(ready()?.earnings.total ?? "0")}
            />
            <StatCard
              label="Pending settlement"
              testId="pending-earnings"
              hint="Paid by viewers, not yet settled to your earnings."
              value={ready() && credits(ready()?.earnings.pending ?? "0")}
            />
            <StatCard
              label="Followers"
              testId="follower-count"
              value={ready() && numberFormat.format(ready()?.profile.followerCount ?? 0)}
            />
            <StatCard
              label="Peak viewers"
              hint="Last 30 days: most viewers in one minute."
              testId="peak-viewers"
              value={ready() && numberFormat.format(ready()?.analytics.totals.peakConcurrent ?? 0)}
            />
            <StatCard
              label="Average viewers"
              hint="Last 30 days: per minute with anyone watching."
              testId="average-viewers"
              value={ready() && numberFormat.format(ready()?.analytics.totals.averageConcurrent ?? 0)}
            />
            <StatCard
              label="Total watch time"
              hint="All time, billed to viewers."
              testId="total-watch-time"
              value={ready() && watchTimeLabel(ready()?.profile.totalWatchSeconds ?? 0)}
            />
          </dl>
        </Show>
      </section>

      <section aria-labelledby="recent-streams-heading" aria-busy={streams.loading} class="flex flex-col gap-4">
        <h2 id="recent-streams-heading" class="text-xl font-semibold">
          Recent streams
        </h2>
        <Show when={streams.error}>
          <ErrorNotice message={errorMessage(streams.error)} onRetry={() => void refetchStreams()} />
        </Show>
        <Show when={!streams.error && streams.latest === undefined}>
          <ul class="flex flex-col gap-2" aria-hidden="true">
            <For each={Array.from({ length: 3 })}>
              {() => (
                <li class="h-14 animate-pulse rounded-lg bg-neutral-200 motion-reduce:animate-none dark:bg-neutral-800" />
              )}
            </For>
          </ul>
        </Show>
        <Show when={!streams.error && streams.latest}>
          {(list) => (
            <Show when={list().length > 0} fallback={<EmptyNotice message="You have not streamed yet." />}>
              <ul class="divide-y divide-neutral-200 rounded-lg border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800">
                <For each={list()}>
                  {(stream) => (
                    <li
                      class="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
                      data-testid="recent-stream"
                      data-stream-id={stream.id}
                    >
                      <div class="min-w-0">
                        <A
                          href={`/watch/${encodeURIComponent(stream.id)}`}
                          class="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                        >
                          {stream.title}
                        </A>
                        <p class="text-xs text-neutral-500 dark:text-neutral-400">
                          {dateFormat.format(new Date(stream.startedAt ?? stream.createdAt))}
                        </p>
                      </div>
                      <StreamStatusBadge status={stream.status} />
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </section>
    </div>
  );
}
