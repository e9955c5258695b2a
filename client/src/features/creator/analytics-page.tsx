import { A, useSearchParams } from "@solidjs/router";
import { createEffect, createMemo, createResource, createSignal, For, on, Show, type JSX } from "solid-js";
import type { CreatorAnalyticsDto } from "@contracts/creators.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { displayCredits } from "../../lib/credits.ts";
import { firstParam } from "../../lib/redirect.ts";
import { DataTable } from "../../ui/data-table.tsx";
import { EmptyNotice } from "../../ui/feedback/empty-notice.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { watchTimeLabel } from "../creators/creator-stats.ts";
import {
  customRangeError,
  RANGE_PRESETS,
  rangeLabel,
  selectRange,
  type DateRange,
  type RangePreset,
} from "./analytics-range.ts";
import { creditsToNumber, dayToSeconds, peakOf } from "./chart-format.ts";
import { getCreatorAnalytics } from "./creator.api.ts";
import { StatCard } from "./stat-card.tsx";
import { UPlotChart } from "../../ui/chart/uplot-chart.tsx";

type TopStream = CreatorAnalyticsDto["topStreams"][number];

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const presetButton =
  "rounded-md px-3 py-1.5 text-sm font-medium aria-pressed:bg-indigo-600 aria-pressed:text-white hover:bg-neutral-100 aria-pressed:hover:bg-indigo-500 dark:hover:bg-neutral-800";
const inputClass =
  "mt-1 block rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm dark:border-neutral-700 dark:bg-neutral-900";
const secondaryButton =
  "rounded-md border border-neutral-300 px-4 py-2 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800";

/** /creator/analytics: viewers, watch time and revenue over a range of UTC days, in the URL. */
export default function CreatorAnalyticsPage() {
  const [params, setParams] = useSearchParams();
  const selection = createMemo(() =>
    selectRange(
      { range: firstParam(params.range), start: firstParam(params.start), end: firstParam(params.end) },
      new Date(),
    ),
  );
  // Only a new pair of days refetches (not a new object for the same days).
  const range = createMemo<DateRange>(() => selection().range, selection().range, {
    equals: (a, b) => a.startDate === b.startDate && a.endDate === b.endDate,
  });
  const activePreset = () => {
    const current = selection();
    return current.kind === "preset" ? current.preset : undefined;
  };
  const [analytics, { refetch }] = createResource(range, (r) => getCreatorAnalytics(r));
  const data = () => (analytics.error ? undefined : analytics.latest);

  const choosePreset = (preset: RangePreset) =>
    setParams({ range: preset, start: undefined, end: undefined }, { replace: true });

  return (
    <div class="flex flex-col gap-8">
      <header class="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 class="text-3xl font-bold tracking-tight">Analytics</h1>
          <p class="mt-2 text-neutral-600 dark:text-neutral-400">
            Viewers, watch time and revenue by UTC day.{" "}
            <span data-testid="range-label" aria-live="polite">
              {rangeLabel(selection())}
            </span>
          </p>
        </div>
        <A href="/creator/dashboard" class={secondaryButton}>
          Dashboard
        </A>
      </header>

      <RangeControls
        preset={activePreset()}
        range={range()}
        onPreset={choosePreset}
        onCustom={(r) => setParams({ range: undefined, start: r.startDate, end: r.endDate }, { replace: true })}
      />

      <Show when={analytics.error}>
        <ErrorNotice message={errorMessage(analytics.error)} onRetry={() => void refetch()} />
      </Show>
      <Show when={!analytics.error && analytics.loading && !data()}>
        <LoadingNotice label="Loading analytics…" />
      </Show>

      <Show when={data()}>
        {(dto) => (
          <div class="flex flex-col gap-8" aria-busy={analytics.loading}>
            <section aria-labelledby="totals-heading">
              <h2 id="totals-heading" class="sr-only">
                Totals from {dto().range.start} to {dto().range.end}
              </h2>
              <dl class="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
                <StatCard label="Unique viewers" value={numberFormat.format(dto().totals.uniqueViewers)} />
                <StatCard label="Watch time" value={watchTimeLabel(dto().totals.watchSeconds)} />
                <StatCard
                  label="Revenue"
                  testId="analytics-revenue"
                  value={`${displayCredits(dto().totals.revenue)} credits`}
                />
                <StatCard label="Peak viewers" value={numberFormat.format(dto().totals.peakConcurrent)} />
                <StatCard label="Average viewers" value={numberFormat.format(dto().totals.averageConcurrent)} />
              </dl>
            </section>

            <div class="grid gap-6 lg:grid-cols-2">
              <ChartSection title="Viewers over time" id="viewers-chart">
                <UPlotChart
                  testId="viewers-chart"
                  label="Unique viewers per day"
                  seriesLabel="Unique viewers"
                  stroke="#4f46e5"
                  x={dto().viewersOverTime.map((row) => dayToSeconds(row.day))}
                  y={dto().viewersOverTime.map((row) => row.uniqueViewers)}
                  summary={
                    <ChartSummary
                      caption="Unique viewers per day"
                      valueHeader="Unique viewers"
                      rows={dto().viewersOverTime.map((row) => ({
                        day: row.day,
                        value: numberFormat.format(row.uniqueViewers),
                        n: row.uniqueViewers,
                      }))}
                    />
                  }
                />
              </ChartSection>
              <ChartSection title="Revenue over time" id="revenue-chart">
                <UPlotChart
                  testId="revenue-chart"
                  label="Revenue per day, in credits"
                  seriesLabel="Revenue (credits)"
                  stroke="#059669"
                  x={dto().revenueOverTime.map((row) => dayToSeconds(row.day))}
                  y={dto().revenueOverTime.map((row) => creditsToNumber(row.amount))}
                  summary={
                    <ChartSummary
                      caption="Revenue per day, in credits"
                      valueHeader="Revenue (credits)"
                      rows={dto().revenueOverTime.map((row) => ({
                        day: row.day,
                        value: displayCredits(row.amount),
                        n: creditsToNumber(row.amount),
                      }))}
                    />
                  }
                />
              </ChartSection>
            </div>

            <section aria-labelledby="top-streams-heading" class="flex flex-col gap-4">
              <h2 id="top-streams-heading" class="text-xl font-semibold">
                Watch time by stream
              </h2>
              <Show
                when={dto().topStreams.length > 0}
                fallback={<EmptyNotice message="No stream was watched in this range." />}
              >
                <DataTable<TopStream>
                  label="Watch time by stream"
                  rows={dto().topStreams}
                  rowTestId="top-stream"
                  rowData={(row) => ({ "data-stream-id": row.streamId })}
                  columns={[
                    {
                      header: "Stream",
                      cell: (row) => (
                        <A
                          href={`/watch/${encodeURIComponent(row.streamId)}`}
                          class="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                        >
                          {row.title ?? "Untitled stream"}
                        </A>
                      ),
                    },
                    { header: "Watch time", align: "right", cell: (row) => watchTimeLabel(row.watchSeconds) },
                    { header: "Unique viewers", align: "right", cell: (row) => numberFormat.format(row.uniqueViewers) },
                    { header: "Revenue (credits)", align: "right", cell: (row) => displayCredits(row.revenue) },
                    {
                      header: "Report",
                      hideHeader: true,
                      align: "right",
                      cell: (row) => (
                        <A
                          href={`/creator/stream/${encodeURIComponent(row.streamId)}/analytics`}
                          class="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                          aria-label={`Report for ${row.title ?? "Untitled stream"}`}
                          data-testid="stream-report-link"
                        >
                          Report
                        </A>
                      ),
                    },
                  ]}
                />
              </Show>
            </section>
          </div>
        )}
      </Show>
    </div>
  );
}

function ChartSection(props: { title: string; id: string; children: JSX.Element }) {
  return (
    <section
      aria-labelledby={`${props.id}-heading`}
      class="flex flex-col gap-3 rounded-xl border border-neutral-200 bg-white p-5 shadow-sm dark:border-neutral-800 dark:bg-neutral-900"
    >
      <h2 id={`${props.id}-heading`} class="text-lg font-semibold">
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

/** The text alternative of a chart: its peak in a sentence, then every day in a table. */
function ChartSummary(props: {
  caption: string;
  valueHeader: string;
  rows: { day: string; value: string; n: number }[];
}) {
  const peak = () => peakOf(props.rows, (row) => row.n);
  return (
    <>
      <p>
        <Show when={peak()} fallback="Zero on every day of the range.">
          {(p) => `Highest on ${p().row.day}: ${p().row.value}.`}
        </Show>
      </p>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">{props.valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr>
                <th scope="row">{row.day}</th>
                <td>{row.value}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </>
  );
}

function RangeControls(props: {
  preset: RangePreset | undefined;
  range: DateRange;
  onPreset: (preset: RangePreset) => void;
  onCustom: (range: DateRange) => void;
}) {
  const [start, setStart] = createSignal(props.range.startDate);
  const [end, setEnd] = createSignal(props.range.endDate);
  const [error, setError] = createSignal<string | null>(null);
  // A preset (or Back) moves the range: the inputs follow it.
  createEffect(
    on(
      () => props.range,
      (r) => {
        setStart(r.startDate);
        setEnd(r.endDate);
      },
    ),
  );

  return (
    <div class="flex flex-wrap items-end gap-6">
      <div
        role="group"
        aria-label="Range"
        class="flex flex-wrap gap-1 rounded-lg border border-neutral-200 p-1 dark:border-neutral-800"
      >
        <For each={Object.entries(RANGE_PRESETS) as [RangePreset, { label: string }][]}>
          {([preset, meta]) => (
            <button
              type="button"
              class={presetButton}
              aria-pressed={props.preset === preset}
              aria-label={meta.label}
              onClick={() => {
                setError(null);
                props.onPreset(preset);
              }}
            >
              {preset === "all" ? "All" : preset}
            </button>
          )}
        </For>
      </div>
      <form
        class="flex flex-wrap items-end gap-3"
        aria-label="Custom range"
        onSubmit={(event) => {
          event.preventDefault();
          const custom = { startDate: start(), endDate: end() };
          const problem = customRangeError(custom);
          setError(problem);
          if (!problem) props.onCustom(custom);
        }}
      >
        <div>
          <label for="analytics-start" class="block text-sm font-medium">
            Start date
          </label>
          <input
            id="analytics-start"
            type="date"
            class={inputClass}
            value={start()}
            onInput={(event) => setStart(event.currentTarget.value)}
            aria-describedby="analytics-range-error"
          />
        </div>
        <div>
          <label for="analytics-end" class="block text-sm font-medium">
            End date
          </label>
          <input
            id="analytics-end"
            type="date"
            class={inputClass}
            value={end()}
            onInput={(event) => setEnd(event.currentTarget.value)}
            aria-describedby="analytics-range-error"
          />
        </div>
        <button type="submit" class={secondaryButton}>
          Apply
        </button>
        <p id="analytics-range-error" role="alert" class="w-full text-sm text-red-700 dark:text-red-300">
          {error()}
        </p>
      </form>
    </div>
  );
}
