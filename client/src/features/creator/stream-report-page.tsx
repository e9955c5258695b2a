import { A, useParams } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import type { StreamReportDto } from "@contracts/creators.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { displayCredits } from "../../lib/credits.ts";
import { DataTable } from "../../ui/data-table.tsx";
import { EmptyNotice } from "../../ui/feedback/empty-notice.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { watchTimeLabel } from "../creators/creator-stats.ts";
import { getStreamReport } from "./creator.api.ts";
import { reportCsv, reportFileName } from "./report-csv.ts";
import { StatCard } from "./stat-card.tsx";
import { UPlotChart } from "../../ui/chart/uplot-chart.tsx";

type ChatMinute = StreamReportDto["chat"][number];

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const minuteFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const secondaryButton =
  "rounded-md border border-neutral-300 px-4 py-2 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800";
const panel =
  "flex flex-col gap-3 rounded-xl border border-neutral-200 bg-white p-5 shadow-sm break-inside-avoid print:border-neutral-400 print:shadow-none dark:border-neutral-800 dark:bg-neutral-900";

const minuteLabel = (iso: string) => `${minuteFormat.format(new Date(iso))} UTC`;
const when = (iso: string | null) => (iso ? `${timeFormat.format(new Date(iso))} UTC` : "—");

/** Starts a download of the report's minutes as CSV, built in the browser from what the page shows. */
function downloadCsv(report: StreamReportDto) {
  const url = URL.createObjectURL(new Blob([reportCsv(report)], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = reportFileName(report.stream);
  link.click();
  // The click has handed the blob to the download; revoke on the next task, not before it starts.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** /creator/stream/:streamId/analytics: one stream minute by minute, exportable and printable. */
export default function StreamReportPage() {
  const params = useParams<{ streamId: string }>();
  const [report, { refetch }] = createResource(
    () => params.streamId,
    (id) => getStreamReport(id),
  );
  const data = () => (report.error ? undefined : report.latest);

  return (
    <div class="flex flex-col gap-8 print:gap-4 print:text-black">
      <PageMeta title="Stream report" description="Viewers, revenue and chat of one stream, minute by minute." />
      <header class="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p class="text-sm font-medium text-neutral-500 dark:text-neutral-400">Stream report</p>
          <h1 class="text-3xl font-bold tracking-tight">{data()?.stream.title ?? "Stream report"}</h1>
          <Show when={data()}>
            {(dto) => (
              <p class="mt-2 text-neutral-600 dark:text-neutral-400" data-testid="report-when">
                {dto().stream.status} · started {when(dto().stream.startedAt)} · ended {when(dto().stream.endedAt)}
              </p>
            )}
          </Show>
        </div>
        <div class="flex flex-wrap gap-2 print:hidden">
          <A href="/creator/analytics" class={secondaryButton}>
            Analytics
          </A>
          <button
            type="button"
            class={secondaryButton}
            disabled={!data()}
            data-testid="export-csv"
            onClick={() => {
              const dto = data();
              if (dto) downloadCsv(dto);
            }}
          >
            Export CSV
          </button>
          <button type="button" class={secondaryButton} disabled={!data()} onClick={() => window.print()}>
            Print / PDF
          </button>
        </div>
      </header>

      <Show when={report.error}>
        <div class="print:hidden">
          <ErrorNotice message={errorMessage(report.error)} onRetry={() => void refetch()} />
        </div>
      </Show>
      <Show when={!report.error && report.loading && !data()}>
        <LoadingNotice label="Loading the report…" />
      </Show>

      <Show when={data()}>
        {(dto) => (
          <div class="flex flex-col gap-8 print:gap-4" aria-busy={report.loading}>
            <section aria-labelledby="report-totals-heading">
              <h2 id="report-totals-heading" class="sr-only">
                Totals
              </h2>
              <dl class="grid gap-4 sm:grid-cols-3 print:grid-cols-3">
                <StatCard label="Unique viewers" value={numberFormat.format(dto().totals.uniqueViewers)} />
                <StatCard label="Watch time" value={watchTimeLabel(dto().totals.watchSeconds)} />
                <StatCard label="Peak viewers" value={numberFormat.format(dto().totals.peakViewers)} />
              </dl>
            </section>

            <section aria-labelledby="report-viewers-heading" class={panel}>
              <h2 id="report-viewers-heading" class="text-lg font-semibold">
                Viewers per minute
              </h2>
              <Show
                when={dto().minutes.length > 0}
                fallback={<EmptyNotice message="Nobody was billed for watching this stream yet." />}
              >
                <UPlotChart
                  testId="report-viewers-chart"
                  label="Concurrent viewers per minute (UTC)"
                  seriesLabel="Viewers"
                  stroke="#4f46e5"
                  x={dto().minutes.map((m) => Date.parse(m.minute) / 1000)}
                  y={dto().minutes.map((m) => m.viewers)}
                  xLabel={(seconds) => minuteFormat.format(new Date(seconds * 1000))}
                  summary={
                    <p>
                      Peak of {dto().totals.peakViewers} viewers over {dto().minutes.length} minutes with viewers; the
                      minutes table lists each.
                    </p>
                  }
                />
              </Show>
            </section>

            <div class="grid gap-6 lg:grid-cols-2 print:grid-cols-2">
              <section aria-labelledby="report-revenue-heading" class={panel}>
                <h2 id="report-revenue-heading" class="text-lg font-semibold">
                  Revenue
                </h2>
                <dl class="grid grid-cols-[1fr_auto] gap-x-6 gap-y-2 text-sm" data-testid="report-revenue">
                  <dt>Gross (debited from viewers)</dt>
                  <dd class="text-right tabular-nums">{displayCredits(dto().revenue.gross)} credits</dd>
                  <dt>Platform fee (settled)</dt>
                  <dd class="text-right tabular-nums">{displayCredits(dto().revenue.platformFee)} credits</dd>
                  <dt class="font-semibold">Your share (settled)</dt>
                  <dd class="text-right font-semibold tabular-nums">{displayCredits(dto().revenue.creator)} credits</dd>
                </dl>
                <p class="text-xs text-neutral-500 dark:text-neutral-400">
                  Viewers' escrows settle every minute and when they leave, so gross can run ahead of the two shares.
                </p>
              </section>

              <section aria-labelledby="report-chat-heading" class={panel}>
                <h2 id="report-chat-heading" class="text-lg font-semibold">
                  Chat activity
                </h2>
                <Show when={dto().chat.length > 0} fallback={<EmptyNotice message="No chat messages." />}>
                  <p class="text-sm">
                    {numberFormat.format(dto().chat.reduce((n, c) => n + c.messages, 0))} messages over{" "}
                    {dto().chat.length} minutes.
                  </p>
                  <DataTable<ChatMinute>
                    label="Chat messages per minute"
                    rows={dto().chat}
                    rowTestId="report-chat-minute"
                    columns={[
                      { header: "Minute (UTC)", cell: (row) => minuteLabel(row.minute) },
                      { header: "Messages", align: "right", cell: (row) => numberFormat.format(row.messages) },
                    ]}
                  />
                </Show>
              </section>
            </div>

            <section aria-labelledby="report-minutes-heading" class={panel}>
              <h2 id="report-minutes-heading" class="text-lg font-semibold">
                Minutes
              </h2>
              <Show when={dto().minutes.length > 0} fallback={<EmptyNotice message="No minutes with viewers." />}>
                <table class="w-full text-sm" data-testid="report-minutes">
                  <caption class="sr-only">Concurrent viewers per minute (UTC)</caption>
                  <thead>
                    <tr class="text-left text-xs text-neutral-500 uppercase dark:text-neutral-400">
                      <th scope="col" class="py-1">
                        Minute (UTC)
                      </th>
                      <th scope="col" class="py-1 text-right">
                        Viewers
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={dto().minutes}>
                      {(row) => (
                        <tr class="border-t border-neutral-200 break-inside-avoid dark:border-neutral-800">
                          <th scope="row" class="py-1 text-left font-normal">
                            {minuteLabel(row.minute)}
                          </th>
                          <td class="py-1 text-right tabular-nums">{numberFormat.format(row.viewers)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </Show>
            </section>
          </div>
        )}
      </Show>
    </div>
  );
}
