import { A, useSearchParams } from "@solidjs/router";
import { batch, createEffect, createMemo, createResource, createSignal, on, Show } from "solid-js";
import type { BulkStreamResult, CreatorStreamRow } from "@contracts/creator-streams.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { ConfirmDialog } from "../../ui/dialog/confirm-dialog.tsx";
import { EmptyNotice } from "../../ui/feedback/empty-notice.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { EditStreamDialog } from "./streams-page-edit-dialog.tsx";
import { StreamsFilters } from "./streams-page-filters.tsx";
import { bulkStreamAction, listCreatorStreams } from "./streams-page.api.ts";
import {
  DEFAULT_VIEW,
  pageCount,
  paramsFromView,
  queryOfView,
  toggleSort,
  viewFromParams,
  type StreamsView,
} from "./streams-page-params.ts";
import { StreamsTable, StreamsTableSkeleton } from "./streams-page-table.tsx";

type Action = "end" | "delete";
interface Pending {
  action: Action;
  rows: CreatorStreamRow[];
}

const primaryButton =
  "rounded-md bg-red-600 px-4 py-2 text-sm font-semibold text-white hover:bg-red-500 dark:bg-red-600 dark:hover:bg-red-500";
const secondaryButton =
  "rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-neutral-700 dark:hover:bg-neutral-800";

const sameView = (a: StreamsView, b: StreamsView) =>
  a.status === b.status &&
  a.from === b.from &&
  a.to === b.to &&
  a.q === b.q &&
  a.sort === b.sort &&
  a.dir === b.dir &&
  a.page === b.page;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** What happened, for the live region: "Deleted 2 streams." or what failed, by title. */
function summary(action: Action, rows: CreatorStreamRow[], result: BulkStreamResult): string {
  const done = result.results.filter((r) => r.ok).length;
  const verb = action === "delete" ? "Deleted" : "Ended";
  const failed = result.results.filter((r) => !r.ok);
  if (failed.length === 0) return `${verb} ${plural(done, "stream")}.`;
  const title = (id: string) => rows.find((r) => r.id === id)?.title ?? id;
  const reasons = failed.map((f) => `${title(f.id)}: ${f.error?.message ?? "failed"}`).join("; ");
  return `${verb} ${plural(done, "stream")}; ${failed.length} could not be: ${reasons}`;
}

/** /creator/streams: every stream of the creator, filtered, sorted and paged, with edit and bulk actions. */
export default function CreatorStreamsPage() {
  const [params, setParams] = useSearchParams();
  const view = createMemo(() => viewFromParams(params), viewFromParams(params), { equals: sameView });
  const go = (next: StreamsView) => setParams(paramsFromView(next));
  const update = (patch: Partial<StreamsView>) => go({ ...view(), page: 1, ...patch });

  const [data, { refetch }] = createResource(
    () => queryOfView(view()),
    (query) => listCreatorStreams(query),
  );
  const rows = () => data.latest?.streams ?? [];
  const total = () => data.latest?.total ?? 0;
  const filtered = () =>
    !sameView({ ...view(), sort: DEFAULT_VIEW.sort, dir: DEFAULT_VIEW.dir, page: 1 }, DEFAULT_VIEW);

  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  // A new page or a new list starts with nothing selected: a bulk action acts only on what is in view.
  createEffect(
    on(
      () => data.latest,
      () => setSelected(new Set<string>()),
    ),
  );
  const select = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const selectedRows = () => rows().filter((r) => selected().has(r.id));

  const [editing, setEditing] = createSignal<CreatorStreamRow | null>(null);
  const [pending, setPending] = createSignal<Pending | null>(null);
  const [running, setRunning] = createSignal(false);
  const [actionError, setActionError] = createSignal<string | null>(null);
  const [announcement, setAnnouncement] = createSignal("");

  const ask = (action: Action, targets: CreatorStreamRow[]) =>
    batch(() => {
      setActionError(null);
      setPending({ action, rows: targets });
    });
  const run = async () => {
    const p = pending();
    if (!p || running()) return;
    setRunning(true);
    setActionError(null);
    try {
      const result = await bulkStreamAction({ action: p.action, streamIds: p.rows.map((r) => r.id) });
      const failed = result.results.filter((r) => !r.ok);
      // One stream that could not be acted on: say why in the dialog, where the user is looking.
      if (p.rows.length === 1 && failed.length === 1 && pending() === p) {
        setActionError(failed[0]?.error?.message ?? "That did not work.");
        return;
      }
      batch(() => {
        setPending(null);
        setAnnouncement(summary(p.action, p.rows, result));
      });
      void refetch();
    } catch (error) {
      if (pending() === p) setActionError(errorMessage(error));
      else setAnnouncement(errorMessage(error));
    } finally {
      setRunning(false);
    }
  };
  const dialogText = (p: Pending) => {
    const what = p.rows.length === 1 ? `“${p.rows[0]?.title ?? ""}”` : plural(p.rows.length, "stream");
    return p.action === "delete"
      ? {
          title: p.rows.length === 1 ? "Delete stream?" : `Delete ${plural(p.rows.length, "stream")}?`,
          description: `${what} will disappear from your list and from Tollgate. Earnings and analytics of streams that were watched are kept. A live stream must be ended first.`,
          confirm: "Delete",
          pending: "Deleting…",
        }
      : {
          title: p.rows.length === 1 ? "End stream?" : `End ${plural(p.rows.length, "stream")}?`,
          description: `${what} will end now: viewers are disconnected and it cannot go live again.`,
          confirm: "End stream",
          pending: "Ending…",
        };
  };

  const text = () => {
    const p = pending();
    return p ? dialogText(p) : undefined;
  };

  return (
    <div class="flex flex-col gap-6">
      <PageMeta title="Your streams" description="Every stream you have made: filter, sort, edit and clean up." />
      <header class="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 class="text-3xl font-bold tracking-tight">Streams</h1>
          <p class="mt-2 text-neutral-600 dark:text-neutral-400">
            Live, scheduled and past streams, with their numbers.
          </p>
        </div>
        <A href="/creator/go-live" class={primaryButton} data-testid="new-stream">
          New stream
        </A>
      </header>

      <StreamsFilters view={view()} onChange={update} />

      <p role="status" aria-live="polite" class="text-sm empty:hidden" data-testid="streams-announcement">
        {announcement()}
      </p>

      <Show when={selected().size > 0}>
        <div
          role="toolbar"
          aria-label="Bulk actions"
          data-testid="bulk-bar"
          class="flex flex-wrap items-center gap-3 rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-2 dark:border-indigo-900 dark:bg-indigo-950/40"
        >
          <span class="text-sm font-medium" data-testid="selected-count">
            {plural(selected().size, "stream")} selected
          </span>
          <button
            type="button"
            class={secondaryButton}
            data-testid="bulk-end"
            onClick={() => ask("end", selectedRows())}
          >
            End
          </button>
          <button
            type="button"
            class={`${secondaryButton} text-red-700 dark:text-red-400`}
            data-testid="bulk-delete"
            onClick={() => ask("delete", selectedRows())}
          >
            Delete
          </button>
          <button type="button" class={secondaryButton} onClick={() => setSelected(new Set<string>())}>
            Clear selection
          </button>
        </div>
      </Show>

      <section aria-label="Stream list" aria-busy={data.loading} class="flex flex-col gap-4">
        <Show when={data.error}>
          <ErrorNotice message={errorMessage(data.error)} onRetry={() => void refetch()} />
        </Show>
        <Show when={!data.error && data.latest === undefined}>
          <StreamsTableSkeleton />
        </Show>
        <Show when={!data.error && data.latest}>
          <Show
            when={rows().length > 0}
            fallback={
              <div class="flex flex-col items-center gap-3" data-testid="streams-empty">
                <EmptyNotice
                  message={
                    filtered()
                      ? "No streams match these filters."
                      : view().page > 1
                        ? "This page is empty."
                        : "You have no streams yet."
                  }
                />
                <Show
                  when={filtered() || view().page > 1}
                  fallback={
                    <A href="/creator/go-live" class={primaryButton}>
                      Create your first stream
                    </A>
                  }
                >
                  <button type="button" class={secondaryButton} onClick={() => go(DEFAULT_VIEW)}>
                    Clear filters
                  </button>
                </Show>
              </div>
            }
          >
            <StreamsTable
              rows={rows()}
              view={view()}
              onSort={(sort) => go(toggleSort(view(), sort))}
              selected={selected()}
              onSelect={select}
              onSelectAll={(on) => setSelected(on ? new Set(rows().map((r) => r.id)) : new Set<string>())}
              onEdit={(row) => setEditing(row)}
              onEnd={(row) => ask("end", [row])}
              onDelete={(row) => ask("delete", [row])}
            />
          </Show>
          <Show when={total() > 0 || view().page > 1}>
            <nav aria-label="Pages" class="flex flex-wrap items-center justify-between gap-3 text-sm">
              <span data-testid="page-status">
                Page {view().page} of {pageCount(total())} · {plural(total(), "stream")}
              </span>
              <div class="flex gap-2">
                <button
                  type="button"
                  class={secondaryButton}
                  disabled={view().page <= 1}
                  data-testid="page-prev"
                  onClick={() => go({ ...view(), page: view().page - 1 })}
                >
                  Previous
                </button>
                <button
                  type="button"
                  class={secondaryButton}
                  disabled={view().page >= pageCount(total())}
                  data-testid="page-next"
                  onClick={() => go({ ...view(), page: view().page + 1 })}
                >
                  Next
                </button>
              </div>
            </nav>
          </Show>
        </Show>
      </section>

      <Show when={editing()} keyed>
        {(row) => (
          <EditStreamDialog
            row={row}
            onClose={() => setEditing(null)}
            onSaved={(stream) => {
              setAnnouncement(`Saved “${stream.title}”.`);
              void refetch();
            }}
          />
        )}
      </Show>

      <ConfirmDialog
        open={pending() !== null}
        title={text()?.title ?? ""}
        description={text()?.description ?? ""}
        confirmLabel={text()?.confirm ?? ""}
        pendingLabel={text()?.pending ?? ""}
        pending={running()}
        error={actionError()}
        danger
        onConfirm={() => void run()}
        onClose={() => setPending(null)}
      />
    </div>
  );
}
