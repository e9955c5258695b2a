import { A, useSearchParams } from "@solidjs/router";
import { createResource, createUniqueId, For, Show } from "solid-js";
import { MODERATION_TARGET_TYPES, type ReportQueueItem } from "@contracts/moderation.ts";
import { firstParam } from "../../lib/redirect.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { EmptyNotice } from "../../ui/feedback/empty-notice.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { getReportQueue, type QueueFilters } from "./moderation.api.ts";
import { inputClass, ModerationNav, secondaryButtonClass } from "./moderation-nav.tsx";

const TABS: { status: QueueFilters["status"]; label: string }[] = [
  { status: "PENDING", label: "Pending" },
  { status: "REVIEWED", label: "Reviewed" },
  { status: "ALL", label: "All" },
];
const PAGE_SIZE = 20;

function describeTarget(item: ReportQueueItem): string {
  const label = item.targetLabel ?? "(gone)";
  switch (item.targetType) {
    case "MESSAGE":
      return `Message by ${item.ownerName ?? "someone"}: “${label}”`;
    case "STREAM":
      return `Stream “${label}” by ${item.ownerName ?? "someone"}`;
    case "USER":
      return `User ${label}`;
  }
}

/** /admin/moderation: reports grouped per target, highest priority first; filters live in the URL. */
export default function QueuePage() {
  const [params, setParams] = useSearchParams();
  const id = createUniqueId();
  const status = (): QueueFilters["status"] => {
    const value = firstParam(params.status);
    return value === "REVIEWED" || value === "ALL" ? value : "PENDING";
  };
  const page = () => Math.max(1, Number(firstParam(params.page) ?? "1") || 1);
  const filters = (): QueueFilters => ({
    status: status(),
    targetType: firstParam(params.type),
    reporterId: firstParam(params.reporter),
    from: firstParam(params.from),
    to: firstParam(params.to),
    page: page(),
    limit: PAGE_SIZE,
  });
  const [queue, { refetch }] = createResource(filters, (f) => getReportQueue(f));
  const pages = () => Math.max(1, Math.ceil((queue.latest?.total ?? 0) / PAGE_SIZE));
  const set = (patch: Record<string, string | undefined>) => setParams({ ...patch, page: undefined });

  return (
    <div class="flex flex-col gap-6">
      <PageMeta title="Moderation" description="Review reported messages, streams and users." />
      <header>
        <h1 class="text-3xl font-bold tracking-tight">Moderation</h1>
        <p class="mt-2 text-neutral-600 dark:text-neutral-400">
          Reports grouped by what was reported; the most reported and repeat offenders first.
        </p>
      </header>
      <ModerationNav />

      <div role="tablist" aria-label="Report status" class="flex gap-2">
        <For each={TABS}>
          {(tab) => (
            <button
              type="button"
              role="tab"
              aria-selected={status() === tab.status}
              class={
                status() === tab.status
                  ? "rounded-full bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white"
                  : "rounded-full border border-neutral-300 px-4 py-1.5 text-sm font-medium dark:border-neutral-700"
              }
              onClick={() => set({ status: tab.status === "PENDING" ? undefined : tab.status })}
            >
              {tab.label}
            </button>
          )}
        </For>
      </div>

      <form
        aria-label="Filters"
        class="grid gap-4 sm:grid-cols-4"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const value = (name: string) => String(data.get(name) ?? "").trim() || undefined;
          set({ type: value("type"), reporter: value("reporter"), from: value("from"), to: value("to") });
        }}
      >
        <div>
          <label for={`${id}-type`} class="block text-sm font-medium">
            Type
          </label>
          <select id={`${id}-type`} name="type" class={inputClass} value={firstParam(params.type) ?? ""}>
            <option value="">Any</option>
            <For each={MODERATION_TARGET_TYPES}>{(t) => <option value={t}>{t.toLowerCase()}</option>}</For>
          </select>
        </div>
        <div>
          <label for={`${id}-reporter`} class="block text-sm font-medium">
            Reporter id
          </label>
          <input id={`${id}-reporter`} name="reporter" class={inputClass} value={firstParam(params.reporter) ?? ""} />
        </div>
        <div>
          <label for={`${id}-from`} class="block text-sm font-medium">
            From
          </label>
          <input id={`${id}-from`} name="from" type="date" class={inputClass} value={firstParam(params.from) ?? ""} />
        </div>
        <div>
          <label for={`${id}-to`} class="block text-sm font-medium">
            To
          </label>
          <input id={`${id}-to`} name="to" type="date" class={inputClass} value={firstParam(params.to) ?? ""} />
        </div>
        <div class="sm:col-span-4">
          <button type="submit" class={secondaryButtonClass}>
            Apply filters
          </button>
        </div>
      </form>

      <section aria-labelledby={`${id}-results`} aria-busy={queue.loading} class="flex flex-col gap-3">
        <h2 id={`${id}-results`} class="sr-only">
          Reports
        </h2>
        <p role="status" aria-live="polite" class="text-sm text-neutral-600 dark:text-neutral-400">
          {queue.latest ? `${queue.latest.total} reported item${queue.latest.total === 1 ? "" : "s"}` : ""}
        </p>
        <Show when={queue.error}>
          <ErrorNotice message={errorMessage(queue.error)} onRetry={() => void refetch()} />
        </Show>
        <Show when={!queue.error && !queue.latest}>
          <LoadingNotice label="Loading reports…" />
        </Show>
        <Show when={queue.latest?.items.length === 0}>
          <EmptyNotice message="Nothing to review here." />
        </Show>
        <ul class="flex flex-col gap-3" data-testid="report-queue">
          <For each={queue.latest?.items ?? []}>
            {(item) => (
              <li class="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
                <div class="flex flex-wrap items-start justify-between gap-3">
                  <div class="min-w-0">
                    <A
                      href={`/admin/moderation/${item.reportId}`}
                      class="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                    >
                      {describeTarget(item)}
                    </A>
                    <p class="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
                      {item.reports} report{item.reports === 1 ? "" : "s"} ({item.openReports} open) ·{" "}
                      {item.reasons.map((r) => r.toLowerCase()).join(", ")} · {item.pastViolations} past violation
                      {item.pastViolations === 1 ? "" : "s"} · first reported{" "}
                      {new Date(item.firstReportedAt).toLocaleString()}
                    </p>
                  </div>
                  <span
                    class="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900/40 dark:text-amber-200"
                    title="Open reports plus twice the past violations"
                  >
                    Priority {item.priority}
                  </span>
                </div>
              </li>
            )}
          </For>
        </ul>
        <nav aria-label="Pages" class="flex items-center gap-3">
          <button
            type="button"
            class={secondaryButtonClass}
            disabled={page() <= 1}
            onClick={() => setParams({ page: String(page() - 1) })}
          >
            Previous
          </button>
          <span class="text-sm">
            Page {page()} of {pages()}
          </span>
          <button
            type="button"
            class={secondaryButtonClass}
            disabled={page() >= pages()}
            onClick={() => setParams({ page: String(page() + 1) })}
          >
            Next
          </button>
        </nav>
      </section>
    </div>
  );
}
