import { A, useParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { TAKEDOWN_REASON_MAX, type AdminStreamDetail } from "@contracts/admin-streams.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { displayCredits } from "../../lib/credits.ts";
import { DataTable } from "../../ui/data-table.tsx";
import { DialogActions, DialogError } from "../../ui/dialog/dialog-actions.tsx";
import { Modal } from "../../ui/dialog/modal.tsx";
import { Badge } from "../../ui/feedback/badge.tsx";
import { EmptyNotice } from "../../ui/feedback/empty-notice.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { TextAreaField } from "../../ui/forms/text-area-field.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { StatCard } from "../creator/stat-card.tsx";
import { STREAM_STATUS } from "../streams/stream-display.ts";
import { getAdminStream, takedownStream } from "./admin-streams.api.ts";
import { downloadCsv, durationLabel, toCsv } from "./admin-streams-csv.ts";

const TIMELINE_LABELS: Record<AdminStreamDetail["timeline"][number]["kind"], string> = {
  created: "Created",
  live: "Went live",
  offline: "Went offline",
  ended: "Ended",
  removed: "Taken down",
};

const dangerButton =
  "rounded-md bg-red-600 px-4 py-2 text-sm font-semibold text-white hover:bg-red-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600";
const secondaryButton =
  "rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 disabled:opacity-50 dark:border-neutral-700 dark:hover:bg-neutral-800";

const when = (iso: string) => new Date(iso).toLocaleString();

/** /admin/streams/:id: one stream's numbers, timeline and moderation, with the takedown. */
export default function AdminStreamPage() {
  const params = useParams<{ id: string }>();
  const [detail, { refetch, mutate }] = createResource(
    () => params.id,
    (id) => getAdminStream(id),
  );
  const data = () => (detail.error ? undefined : detail.latest);
  const [open, setOpen] = createSignal(false);
  const [reason, setReason] = createSignal("");
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [announcement, setAnnouncement] = createSignal("");

  const reasonError = () => {
    const text = reason().trim();
    if (text.length < 3) return "Say why (at least 3 characters).";
    if (text.length > TAKEDOWN_REASON_MAX) return `At most ${TAKEDOWN_REASON_MAX} characters.`;
    return undefined;
  };
  const [tried, setTried] = createSignal(false);

  const submit = async () => {
    setTried(true);
    if (reasonError()) return;
    setPending(true);
    setError(null);
    try {
      const result = await takedownStream(params.id, reason().trim());
      const current = data();
      if (current) mutate({ ...current, stream: result.stream });
      setOpen(false);
      setAnnouncement(
        result.alreadyRemoved ? "This stream had already been taken down." : "The stream was taken down.",
      );
      void refetch();
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setPending(false);
    }
  };

  const exportModeration = (d: AdminStreamDetail) =>
    downloadCsv(
      toCsv(
        ["id", "action", "target_type", "target", "reason", "actor", "created_at"],
        d.moderation.map((m) => [
          m.id,
          m.action,
          m.targetType,
          m.targetName ?? m.targetId,
          m.reason ?? "",
          m.actorName ?? m.actorId,
          m.createdAt,
        ]),
      ),
      `tollgate-stream-${d.stream.id.slice(0, 8)}-moderation.csv`,
    );

  return (
    <div class="flex flex-col gap-8">
      <PageMeta title="Stream · Admin" description="One stream on Tollgate." />
      <A href="/admin/streams" class="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
        ← Streams
      </A>
      <p class="sr-only" aria-live="polite" data-testid="takedown-announcement">
        {announcement()}
      </p>
      <Show when={detail.error && !data()}>
        <ErrorNotice message={errorMessage(detail.error)} onRetry={() => void refetch()} />
      </Show>
      <Show when={!detail.error && !data()}>
        <LoadingNotice label="Loading the stream…" />
      </Show>
      <Show when={data()}>
        {(d) => (
          <>
            <header class="flex flex-wrap items-start justify-between gap-4">
              <div>
                <h1 class="text-3xl font-bold tracking-tight">{d().stream.title}</h1>
                <p class="mt-2 flex flex-wrap items-center gap-2 text-neutral-600 dark:text-neutral-400">
                  <Badge tone={STREAM_STATUS[d().stream.status].tone} testId="admin-stream-status">
                    {STREAM_STATUS[d().stream.status].label}
                  </Badge>
                  <span>
                    by{" "}
                    <A
                      href={`/admin/users/${d().stream.creator.id}`}
                      class="text-indigo-600 hover:underline dark:text-indigo-400"
                    >
                      {d().stream.creator.displayName}
                    </A>
                  </span>
                  <Show when={d().stream.status === "LIVE" || d().stream.status === "PAUSED"}>
                    <A href={`/watch/${d().stream.id}`} class="text-indigo-600 hover:underline dark:text-indigo-400">
                      Open the watch page
                    </A>
                  </Show>
                </p>
              </div>
              <Show
                when={d().stream.status !== "REMOVED"}
                fallback={<p class="text-sm font-medium text-red-700 dark:text-red-300">Taken down</p>}
              >
                <button
                  type="button"
                  class={dangerButton}
                  aria-haspopup="dialog"
                  onClick={() => {
                    setError(null);
                    setTried(false);
                    setOpen(true);
                  }}
                >
                  Take down
                </button>
              </Show>
            </header>

            <section aria-labelledby="numbers-heading">
              <h2 id="numbers-heading" class="sr-only">
                Numbers
              </h2>
              <dl class="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
                <StatCard label="Viewers now" value={String(d().viewers.now)} testId="detail-viewers-now" />
                <StatCard label="Unique viewers" value={String(d().viewers.unique)} testId="detail-viewers-unique" />
                <StatCard
                  label="Peak at once"
                  value={String(d().viewers.peak)}
                  hint={`${d().viewers.sessions} viewing sessions`}
                />
                <StatCard label="Duration" value={durationLabel(d().stream.durationSeconds)} />
                <StatCard
                  label="Revenue so far"
                  value={displayCredits(d().revenue.gross)}
                  hint="Debited from viewers"
                  testId="detail-revenue"
                />
                <StatCard label="Platform fee" value={displayCredits(d().revenue.platformFee)} hint="Settled" />
                <StatCard label="Creator's share" value={displayCredits(d().revenue.creator)} hint="Settled" />
                <StatCard
                  label="Not yet settled"
                  value={displayCredits(d().revenue.unsettled)}
                  hint="In viewing escrows"
                />
              </dl>
            </section>

            <section aria-labelledby="timeline-heading" class="flex flex-col gap-3">
              <h2 id="timeline-heading" class="text-xl font-semibold">
                Timeline
              </h2>
              <ol class="flex flex-col gap-2 border-l border-neutral-300 pl-4 dark:border-neutral-700">
                <For each={d().timeline}>
                  {(event) => (
                    <li>
                      <span class="font-medium">{TIMELINE_LABELS[event.kind]}</span>{" "}
                      <time datetime={event.at} class="text-sm text-neutral-600 dark:text-neutral-400">
                        {when(event.at)}
                      </time>
                    </li>
                  )}
                </For>
              </ol>
            </section>

            <section aria-labelledby="moderation-heading" class="flex flex-col gap-3">
              <div class="flex flex-wrap items-center justify-between gap-3">
                <h2 id="moderation-heading" class="text-xl font-semibold">
                  Recent moderation
                </h2>
                <button
                  type="button"
                  class={secondaryButton}
                  disabled={d().moderation.length === 0}
                  onClick={() => exportModeration(d())}
                >
                  Export CSV
                </button>
              </div>
              <Show
                when={d().moderation.length > 0}
                fallback={<EmptyNotice message="No moderation actions in this stream." />}
              >
                <DataTable
                  label="Moderation actions"
                  rowTestId="moderation-row"
                  rows={d().moderation}
                  columns={[
                    { header: "Action", cell: (m) => m.action },
                    { header: "Target", cell: (m) => m.targetName ?? m.targetType },
                    { header: "Reason", cell: (m) => m.reason ?? "—", class: "whitespace-normal" },
                    { header: "By", cell: (m) => m.actorName ?? "—" },
                    { header: "When", cell: (m) => when(m.createdAt) },
                  ]}
                />
              </Show>
            </section>
          </>
        )}
      </Show>

      <Modal
        open={open()}
        title="Take this stream down?"
        description="It stops at once for everyone: viewers are cut off and charged nothing more, the creator cannot restart it, and they are told why."
        onClose={() => setOpen(false)}
      >
        {/* The reason is checked here, with a message the browser's own validation would not give. */}
        <form
          class="flex flex-col gap-4"
          novalidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <TextAreaField
            name="reason"
            label="Reason (the creator sees it)"
            value={reason()}
            onInput={setReason}
            required
            error={tried() ? reasonError() : undefined}
          />
          <DialogError message={error()} />
          <DialogActions
            label="Take down"
            pendingLabel="Taking down…"
            pending={pending()}
            danger
            onCancel={() => setOpen(false)}
          />
        </form>
      </Modal>
    </div>
  );
}
