import { useSearchParams } from "@solidjs/router";
import { createResource, createUniqueId, For, Show } from "solid-js";
import type { StreamAnalytics } from "@contracts/admin-streams.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { firstParam } from "../../lib/redirect.ts";
import { UPlotChart } from "../../ui/chart/uplot-chart.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { StatCard } from "../creator/stat-card.tsx";
import { getStreamAnalytics } from "./admin-streams.api.ts";
import { dayToSeconds, hoursLabel } from "./admin-analytics-format.ts";
import { downloadCsv, durationLabel, toCsv } from "./admin-streams-csv.ts";

const inputClass =
  "mt-1 block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm dark:border-neutral-700 dark:bg-neutral-900";
const secondaryButton =
  "rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 disabled:opacity-50 dark:border-neutral-700 dark:hover:bg-neutral-800";

function daysCsv(a: StreamAnalytics): string {
  return toCsv(
    ["day", "streams", "watch_seconds"],
    a.days.map((d) => [d.day, String(d.streams), String(d.watchSeconds)]),
  );
}

/** /admin/analytics: streams, their length, the busiest moment and watch time over UTC days. */
export default function AdminAnalyticsPage() {
  const [params, setParams] = useSearchParams();
  const ids = { start: createUniqueId(), end: createUniqueId() };
  const range = () => ({
    startDate: firstParam(params.start) || undefined,
    endDate: firstParam(params.end) || undefined,
  });
  const [analytics, { refetch }] = createResource(range, (r) =>
    getStreamAnalytics({
      ...(r.startDate ? { startDate: r.startDate } : {}),
      ...(r.endDate ? { endDate: r.endDate } : {}),
    }),
  );
  const data = () => (analytics.error ? undefined : analytics.latest);

  return (
    <div class="flex flex-col gap-8">
      <PageMeta title="Analytics · Admin" description="Streams and watch time on Tollgate." />
      <header class="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 class="text-3xl font-bold tracking-tight">Stream analytics</h1>
          <p class="mt-2 max-w-2xl text-neutral-600 dark:text-neutral-400">
            Streams that went live, how long they ran, the most viewers at once and the watch time billed, per UTC day.
          </p>
        </div>
        <button
          type="button"
          class={secondaryButton}
          disabled={!data()}
          onClick={() => {
            const a = data();
            if (a) downloadCsv(daysCsv(a), `tollgate-stream-analytics-${a.range.start}-${a.range.end}.csv`);
          }}
        >
          Export CSV
        </button>
      </header>

      <form
        aria-label="Analytics range"
        class="grid gap-4 sm:grid-cols-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const value = (name: string) => {
            const v = form.get(name);
            return typeof v === "string" && v ? v : undefined;
          };
          setParams({ start: value("start"), end: value("end") });
        }}
      >
        <div>
          <label for={ids.start} class="block text-sm font-medium">
            From
          </label>
          <input id={ids.start} name="start" type="date" class={inputClass} value={range().startDate ?? ""} />
        </div>
        <div>
          <label for={ids.end} class="block text-sm font-medium">
            To
          </label>
          <input id={ids.end} name="end" type="date" class={inputClass} value={range().endDate ?? ""} />
        </div>
        <div class="flex items-end">
          <button
            type="submit"
            class="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500"
          >
            Show
          </button>
        </div>
      </form>

      <Show when={analytics.error}>
        <ErrorNotice message={errorMessage(analytics.error)} onRetry={() => void refetch()} />
      </Show>
      <Show when={!analytics.error && !data()}>
        <LoadingNotice label="Loading analytics…" />
      </Show>
      <Show when={data()}>
        {(a) => (
          <>
            <p class="text-sm text-neutral-600 dark:text-neutral-400" aria-live="polite">
              {a().range.start} to {a().range.end} (UTC)
            </p>
            <dl class="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
              <StatCard label="Streams" value={String(a().totals.streams)} testId="analytics-streams" />
              <StatCard
                label="Average duration"
                value={durationLabel(a().totals.averageDurationSeconds)}
                testId="analytics-duration"
              />
              <StatCard
                label="Peak concurrent viewers"
                value={String(a().totals.peakConcurrentViewers)}
                testId="analytics-peak"
              />
              <StatCard label="Watch time" value={hoursLabel(a().totals.watchSeconds)} testId="analytics-watch" />
              <StatCard label="Unique viewers" value={String(a().totals.uniqueViewers)} />
            </dl>
            <section aria-labelledby="streams-chart-heading" class="flex flex-col gap-2">
              <h2 id="streams-chart-heading" class="text-xl font-semibold">
                Streams per day
              </h2>
              <UPlotChart
                label="Streams that went live per day"
                testId="analytics-streams-chart"
                x={a().days.map((d) => dayToSeconds(d.day))}
                y={a().days.map((d) => d.streams)}
                seriesLabel="Streams"
                stroke="#4f46e5"
                summary={<DaysTable analytics={a()} />}
              />
            </section>
            <section aria-labelledby="watch-chart-heading" class="flex flex-col gap-2">
              <h2 id="watch-chart-heading" class="text-xl font-semibold">
                Watch time per day (hours)
              </h2>
              <UPlotChart
                label="Hours watched per day"
                testId="analytics-watch-chart"
                x={a().days.map((d) => dayToSeconds(d.day))}
                y={a().days.map((d) => Math.round((d.watchSeconds / 3600) * 100) / 100)}
                seriesLabel="Hours watched"
                stroke="#0ea5e9"
                summary={<DaysTable analytics={a()} />}
              />
            </section>
          </>
        )}
      </Show>
    </div>
  );
}

function DaysTable(props: { analytics: StreamAnalytics }) {
  return (
    <table>
      <thead>
        <tr>
          <th>Day</th>
          <th>Streams</th>
          <th>Watch time</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.analytics.days}>
          {(d) => (
            <tr>
              <td>{d.day}</td>
              <td>{d.streams}</td>
              <td>{hoursLabel(d.watchSeconds)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
