import { A, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, createUniqueId, For, onCleanup, onMount, Show } from "solid-js";
import type { AdminStreamRow } from "@contracts/admin-streams.ts";
import { STREAM_STATUSES, type StreamStatus } from "@contracts/streams.ts";
import { displayCredits } from "../../lib/credits.ts";
import { firstParam } from "../../lib/redirect.ts";
import { DataTable, type DataColumn } from "../../ui/data-table.tsx";
import { Badge } from "../../ui/feedback/badge.tsx";
import { ResourceListView } from "../../ui/feedback/resource-list-view.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { STREAM_STATUS } from "../streams/stream-display.ts";
import { listAdminStreams, type AdminStreamsFilter } from "./admin-streams.api.ts";
import { downloadCsv, durationLabel, streamsCsv } from "./admin-streams-csv.ts";

/** The live table refreshes this often: viewers, duration and revenue move while it is open. */
const LIVE_REFRESH_MS = 15_000;
const PAGE_SIZE = 25;

const inputClass =
  "mt-1 block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm dark:border-neutral-700 dark:bg-neutral-900";
const secondaryButton =
  "rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 disabled:opacity-50 dark:border-neutral-700 dark:hover:bg-neutral-800";

const isStatus = (value: string | undefined): value is StreamStatus =>
  value !== undefined && (STREAM_STATUSES as readonly string[]).includes(value);

export function streamColumns(options: { live: boolean }): DataColumn<AdminStreamRow>[] {
  return [
    {
      header: "Stream",
      cell: (s) => (
        <A href={`/admin/streams/${s.id}`} class="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          {s.title}
        </A>
      ),
    },
    { header: "Creator", cell: (s) => s.creator.displayName },
    {
      header: "Status",
      cell: (s) => <Badge tone={STREAM_STATUS[s.status].tone}>{STREAM_STATUS[s.status].label}</Badge>,
    },
    ...(options.live
      ? [{ header: "Viewers now", align: "right" as const, cell: (s: AdminStreamRow) => String(s.viewerCount) }]
      : [
          {
            header: "Started",
            cell: (s: AdminStreamRow) => (s.startedAt ? new Date(s.startedAt).toLocaleString() : "—"),
          },
        ]),
    { header: "Duration", align: "right", cell: (s) => durationLabel(s.durationSeconds) },
    { header: "Unique viewers", align: "right", cell: (s) => String(s.uniqueViewers) },
    {
      header: options.live ? "Revenue so far" : "Revenue",
      align: "right",
      testId: "stream-revenue",
      cell: (s) => displayCredits(s.revenue),
    },
  ];
}

/** /admin/streams: what is live now, and every stream with filters, pages and a CSV export. */
export default function AdminStreamsPage() {
  const [params, setParams] = useSearchParams();
  const ids = {
    status: createUniqueId(),
    creator: createUniqueId(),
    search: createUniqueId(),
    from: createUniqueId(),
    to: createUniqueId(),
  };

  const filter = (): AdminStreamsFilter => {
    const status = firstParam(params.status);
    const page = Number(firstParam(params.page) ?? "1");
    return {
      status: isStatus(status) ? status : undefined,
      creator: firstParam(params.creator) || undefined,
      search: firstParam(params.search) || undefined,
      from: firstParam(params.from) || undefined,
      to: firstParam(params.to) || undefined,
      page: Number.isSafeInteger(page) && page > 0 ? page : 1,
      limit: PAGE_SIZE,
    };
  };
  const [live, { refetch: refetchLive }] = createResource(
    async () => (await listAdminStreams({ status: "LIVE", limit: 100 })).streams,
  );
  const [total, setTotal] = createSignal<number | null>(null);
  const [all, { refetch }] = createResource(filter, async (f) => {
    const page = await listAdminStreams(f);
    setTotal(page.total);
    return page.streams;
  });

  onMount(() => {
    const timer = setInterval(() => void refetchLive(), LIVE_REFRESH_MS);
    onCleanup(() => clearInterval(timer));
  });

  // Form fields are typed freely; the URL (and the list) changes when the form is submitted.
  const [draft, setDraft] = createSignal({
    status: filter().status ?? "",
    creator: filter().creator ?? "",
    search: filter().search ?? "",
    from: filter().from ?? "",
    to: filter().to ?? "",
  });
  const edit = (key: keyof ReturnType<typeof draft>, value: string) => setDraft({ ...draft(), [key]: value });
  const apply = () => {
    const d = draft();
    setParams({
      status: d.status || undefined,
      creator: d.creator.trim() || undefined,
      search: d.search.trim() || undefined,
      from: d.from || undefined,
      to: d.to || undefined,
      page: undefined,
    });
  };
  const pages = () => Math.max(1, Math.ceil((total() ?? 0) / PAGE_SIZE));
  const goTo = (page: number) => setParams({ page: page === 1 ? undefined : String(page) });

  return (
    <div class="flex flex-col gap-10">
      <PageMeta title="Streams · Admin" description="Live and past streams on Tollgate." />
      <header>
        <h1 class="text-3xl font-bold tracking-tight">Streams</h1>
        <p class="mt-2 max-w-2xl text-neutral-600 dark:text-neutral-400">
          Live streams with their viewers and revenue so far, and every past stream. Open one to see its timeline or
          take it down.
        </p>
      </header>

      <section aria-labelledby="live-heading" class="flex flex-col gap-4" aria-busy={live.loading}>
        <div class="flex flex-wrap items-center justify-between gap-3">
          <h2 id="live-heading" class="text-xl font-semibold">
            Live now
          </h2>
          <button
            type="button"
            class={secondaryButton}
            disabled={!live.latest?.length}
            onClick={() => downloadCsv(streamsCsv(live.latest ?? []), "tollgate-live-streams.csv")}
          >
            Export CSV
          </button>
        </div>
        <ResourceListView
          resource={live}
          onRetry={() => void refetchLive()}
          loadingLabel="Loading live streams…"
          emptyMessage="Nobody is live right now."
        >
          {(rows) => (
            <DataTable
              label="Live streams"
              columns={streamColumns({ live: true })}
              rows={rows()}
              rowTestId="live-stream-row"
              rowData={(s) => ({ "data-stream-id": s.id })}
            />
          )}
        </ResourceListView>
      </section>

      <section aria-labelledby="all-heading" class="flex flex-col gap-4" aria-busy={all.loading}>
        <div class="flex flex-wrap items-center justify-between gap-3">
          <h2 id="all-heading" class="text-xl font-semibold">
            All streams
          </h2>
          <button
            type="button"
            class={secondaryButton}
            disabled={!all.latest?.length}
            onClick={() => downloadCsv(streamsCsv(all.latest ?? []), "tollgate-streams.csv")}
          >
            Export CSV
          </button>
        </div>
        <form
          role="search"
          aria-label="Filter streams"
          class="grid gap-4 sm:grid-cols-2 lg:grid-cols-6"
          onSubmit={(event) => {
            event.preventDefault();
            apply();
          }}
        >
          <div>
            <label for={ids.status} class="block text-sm font-medium">
              Status
            </label>
            <select
              id={ids.status}
              class={inputClass}
              value={draft().status}
              onChange={(e) => edit("status", e.currentTarget.value)}
            >
              <option value="">Any</option>
              <For each={STREAM_STATUSES}>{(s) => <option value={s}>{STREAM_STATUS[s].label}</option>}</For>
            </select>
          </div>
          <div>
            <label for={ids.creator} class="block text-sm font-medium">
              Creator
            </label>
            <input
              id={ids.creator}
              type="search"
              class={inputClass}
              placeholder="Name or id"
              value={draft().creator}
              onInput={(e) => edit("creator", e.currentTarget.value)}
            />
          </div>
          <div class="lg:col-span-2">
            <label for={ids.search} class="block text-sm font-medium">
              Title
            </label>
            <input
              id={ids.search}
              type="search"
              class={inputClass}
              placeholder="Part of the title"
              value={draft().search}
              onInput={(e) => edit("search", e.currentTarget.value)}
            />
          </div>
          <div>
            <label for={ids.from} class="block text-sm font-medium">
              From
            </label>
            <input
              id={ids.from}
              type="date"
              class={inputClass}
              value={draft().from}
              onInput={(e) => edit("from", e.currentTarget.value)}
            />
          </div>
          <div>
            <label for={ids.to} class="block text-sm font-medium">
              To
            </label>
            <input
              id={ids.to}
              type="date"
              class={inputClass}
              value={draft().to}
              onInput={(e) => edit("to", e.currentTarget.value)}
            />
          </div>
          <div class="sm:col-span-2 lg:col-span-6">
            <button
              type="submit"
              class="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500"
            >
              Apply filters
            </button>
          </div>
        </form>
        <p class="text-sm text-neutral-600 dark:text-neutral-400" aria-live="polite">
          <Show when={total() !== null}>{`${total()} ${total() === 1 ? "stream" : "streams"}`}</Show>
        </p>
        <ResourceListView
          resource={all}
          onRetry={() => void refetch()}
          loadingLabel="Loading streams…"
          emptyMessage="No stream matches these filters."
        >
          {(rows) => (
            <DataTable
              label="All streams"
              columns={streamColumns({ live: false })}
              rows={rows()}
              rowTestId="stream-row"
              rowData={(s) => ({ "data-stream-id": s.id })}
            />
          )}
        </ResourceListView>
        <nav aria-label="Pages" class="flex items-center gap-3">
          <button
            type="button"
            class={secondaryButton}
            disabled={(filter().page ?? 1) <= 1}
            onClick={() => goTo((filter().page ?? 1) - 1)}
          >
            Previous
          </button>
          <span class="text-sm">
            Page {filter().page ?? 1} of {pages()}
          </span>
          <button
            type="button"
            class={secondaryButton}
            disabled={(filter().page ?? 1) >= pages()}
            onClick={() => goTo((filter().page ?? 1) + 1)}
          >
            Next
          </button>
        </nav>
      </section>
    </div>
  );
}
