import { A, useNavigate, useParams } from "@solidjs/router";
import { createResource, createSignal, createUniqueId, For, Show } from "solid-js";
import {
  RESTRICTION_DURATIONS,
  REVIEW_ACTION_TYPES,
  type ContextMessage,
  type ReviewActionType,
} from "@contracts/moderation.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { getReport, reviewReport } from "./moderation.api.ts";
import { buttonClass, formatUntil, inputClass, ModerationNav, secondaryButtonClass } from "./moderation-nav.tsx";

const ACTION_LABELS: Record<ReviewActionType, string> = {
  NONE: "No action",
  WARN: "Warn the author",
  MUTE: "Mute the author",
  BAN: "Ban the author",
  DELETE: "Delete the message",
  TAKEDOWN: "Take the stream down",
};

function MessageLine(props: { message: ContextMessage; highlight?: boolean }) {
  return (
    <li
      class={
        props.highlight
          ? "rounded-md border-2 border-amber-500 bg-amber-50 px-3 py-2 dark:bg-amber-950/40"
          : "px-3 py-1 text-neutral-600 dark:text-neutral-400"
      }
      aria-current={props.highlight ? "true" : undefined}
    >
      <span class="font-medium">{props.message.displayName}</span>: <span>{props.message.text}</span>
      <Show when={props.message.deleted}>
        <span class="ml-2 text-xs text-red-700 dark:text-red-400">(deleted)</span>
      </Show>
    </li>
  );
}

/** /admin/moderation/:reportId: the report in context and the decision on it. */
export default function ReviewPage() {
  const params = useParams<{ reportId: string }>();
  const navigate = useNavigate();
  const id = createUniqueId();
  const [detail, { refetch }] = createResource(
    () => params.reportId,
    (reportId) => getReport(reportId),
  );
  const [action, setAction] = createSignal<ReviewActionType>("NONE");
  const [duration, setDuration] = createSignal<string>("3600");
  const [scope, setScope] = createSignal<"channel" | "platform">("channel");
  const [note, setNote] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [outcome, setOutcome] = createSignal<string | null>(null);

  const available = () => {
    const type = detail.latest?.report.targetType;
    return REVIEW_ACTION_TYPES.filter(
      (a) => !(a === "DELETE" && type !== "MESSAGE") && !(a === "TAKEDOWN" && type === "USER"),
    );
  };
  const timed = () => action() === "MUTE" || action() === "BAN";

  async function decide(decision: "APPROVE" | "REJECT") {
    setBusy(true);
    setError(null);
    try {
      const type = decision === "REJECT" ? "NONE" : action();
      const seconds = duration() === "" ? undefined : Number(duration());
      const result = await reviewReport(params.reportId, {
        action: decision,
        ...(note().trim() ? { note: note().trim() } : {}),
        ...(type === "NONE"
          ? {}
          : {
              moderationAction: {
                type,
                scope: detail.latest?.report.targetType === "MESSAGE" ? scope() : "platform",
                ...(timed() && seconds !== undefined ? { durationSeconds: seconds } : {}),
              },
            }),
      });
      setOutcome(
        `${decision === "APPROVE" ? "Approved" : "Rejected"}: ${result.resolvedReports} report${
          result.resolvedReports === 1 ? "" : "s"
        } closed, ${result.notifiedReporters} reporter${result.notifiedReporters === 1 ? "" : "s"} told.`,
      );
      await refetch();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="flex flex-col gap-6">
      <PageMeta title="Review report" description="A report in context." />
      <header>
        <A href="/admin/moderation" class="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          ← Reports
        </A>
        <h1 class="mt-2 text-3xl font-bold tracking-tight">Review report</h1>
      </header>
      <ModerationNav />
      <Show when={detail.error}>
        <ErrorNotice message={errorMessage(detail.error)} onRetry={() => void refetch()} />
      </Show>
      <Show when={!detail.error && !detail.latest}>
        <LoadingNotice label="Loading the report…" />
      </Show>
      <Show when={detail.latest}>
        {(d) => (
          <div class="grid gap-6 lg:grid-cols-3">
            <div class="flex flex-col gap-6 lg:col-span-2">
              <section
                aria-labelledby={`${id}-report`}
                class="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
              >
                <h2 id={`${id}-report`} class="text-lg font-semibold">
                  {d().report.targetType.toLowerCase()} reported for {d().report.reason.toLowerCase()}
                </h2>
                <p class="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
                  By {d().report.reporterName ?? "a user"} on {new Date(d().report.createdAt).toLocaleString()} · status{" "}
                  <strong data-testid="report-status">{d().report.status}</strong>
                </p>
                <Show when={d().report.description}>
                  <p class="mt-2">“{d().report.description}”</p>
                </Show>
                <p class="mt-2 text-sm">{d().reportsOnTarget.length} report(s) on this target in all.</p>
              </section>

              <Show when={d().target.message}>
                {(message) => (
                  <section aria-labelledby={`${id}-context`}>
                    <h2 id={`${id}-context`} class="text-lg font-semibold">
                      The message in its chat
                    </h2>
                    <ol class="mt-2 flex flex-col gap-1 text-sm">
                      <For each={d().target.before}>{(m) => <MessageLine message={m} />}</For>
                      <MessageLine message={message()} highlight />
                      <For each={d().target.after}>{(m) => <MessageLine message={m} />}</For>
                    </ol>
                  </section>
                )}
              </Show>

              <section
                aria-labelledby={`${id}-decide`}
                class="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
              >
                <h2 id={`${id}-decide`} class="text-lg font-semibold">
                  Decision
                </h2>
                <Show
                  when={d().report.status === "OPEN"}
                  fallback={<p class="mt-2 text-sm">This report was reviewed: {d().report.reviewNote ?? "no note"}.</p>}
                >
                  <fieldset class="mt-3">
                    <legend class="text-sm font-medium">Action</legend>
                    <div class="mt-2 flex flex-col gap-1">
                      <For each={available()}>
                        {(a) => (
                          <label class="flex items-center gap-2 text-sm">
                            <input
                              type="radio"
                              name="action"
                              value={a}
                              checked={action() === a}
                              onChange={() => setAction(a)}
                            />
                            {ACTION_LABELS[a]}
                          </label>
                        )}
                      </For>
                    </div>
                  </fieldset>
                  <Show when={timed()}>
                    <div class="mt-3 grid gap-3 sm:grid-cols-2">
                      <div>
                        <label for={`${id}-duration`} class="block text-sm font-medium">
                          Duration
                        </label>
                        <select
                          id={`${id}-duration`}
                          class={inputClass}
                          value={duration()}
                          onChange={(e) => setDuration(e.currentTarget.value)}
                        >
                          <For each={RESTRICTION_DURATIONS}>
                            {(option) => (
                              <option value={option.seconds === null ? "" : String(option.seconds)}>
                                {option.label}
                              </option>
                            )}
                          </For>
                        </select>
                      </div>
                      <Show when={d().report.targetType === "MESSAGE"}>
                        <div>
                          <label for={`${id}-scope`} class="block text-sm font-medium">
                            Where
                          </label>
                          <select
                            id={`${id}-scope`}
                            class={inputClass}
                            value={scope()}
                            onChange={(e) => setScope(e.currentTarget.value === "platform" ? "platform" : "channel")}
                          >
                            <option value="channel">This creator's channel</option>
                            <option value="platform">The whole platform</option>
                          </select>
                        </div>
                      </Show>
                    </div>
                  </Show>
                  <div class="mt-3">
                    <label for={`${id}-note`} class="block text-sm font-medium">
                      Note (the reason recorded and shown to the user)
                    </label>
                    <textarea
                      id={`${id}-note`}
                      rows={3}
                      maxLength={1000}
                      class={inputClass}
                      value={note()}
                      onInput={(e) => setNote(e.currentTarget.value)}
                    />
                  </div>
                  <div class="mt-4 flex flex-wrap gap-3">
                    <button type="button" class={buttonClass} disabled={busy()} onClick={() => void decide("APPROVE")}>
                      Approve report
                    </button>
                    <button
                      type="button"
                      class={secondaryButtonClass}
                      disabled={busy()}
                      onClick={() => void decide("REJECT")}
                    >
                      Reject report
                    </button>
                  </div>
                </Show>
                <div aria-live="polite" class="mt-3 text-sm">
                  <Show when={error()}>
                    <p role="alert" class="text-red-700 dark:text-red-400">
                      {error()}
                    </p>
                  </Show>
                  <Show when={outcome()}>
                    <p class="text-green-700 dark:text-green-400">{outcome()}</p>
                    <button type="button" class="mt-2 underline" onClick={() => navigate("/admin/moderation")}>
                      Back to the queue
                    </button>
                  </Show>
                </div>
              </section>
            </div>

            <aside class="flex flex-col gap-6">
              <Show when={d().target.user}>
                {(user) => (
                  <section aria-labelledby={`${id}-user`}>
                    <h2 id={`${id}-user`} class="text-lg font-semibold">
                      Author
                    </h2>
                    <p class="mt-1">
                      {user().displayName} <span class="text-xs text-neutral-500">({user().role.toLowerCase()})</span>
                    </p>
                  </section>
                )}
              </Show>
              <Show when={d().target.stream}>
                {(stream) => (
                  <section aria-labelledby={`${id}-stream`}>
                    <h2 id={`${id}-stream`} class="text-lg font-semibold">
                      Stream
                    </h2>
                    <p class="mt-1">
                      <A href={`/watch/${stream().id}`} class="text-indigo-700 hover:underline dark:text-indigo-300">
                        {stream().title}
                      </A>{" "}
                      by {stream().creatorName ?? "a creator"} · {stream().status.toLowerCase()}
                    </p>
                  </section>
                )}
              </Show>
              <section aria-labelledby={`${id}-violations`}>
                <h2 id={`${id}-violations`} class="text-lg font-semibold">
                  Past violations ({d().pastViolations.length})
                </h2>
                <ul class="mt-1 flex flex-col gap-1 text-sm">
                  <For each={d().pastViolations} fallback={<li>None.</li>}>
                    {(v) => (
                      <li>
                        {v.action.toLowerCase()} · {v.reason ?? "no reason"} ·{" "}
                        {new Date(v.createdAt).toLocaleDateString()}
                        {v.action === "BAN" || v.action === "MUTE" ? ` · until ${formatUntil(v.expiresAt)}` : ""}
                        {v.revokedAt ? " · lifted" : ""}
                      </li>
                    )}
                  </For>
                </ul>
              </section>
              <section aria-labelledby={`${id}-reporter`}>
                <h2 id={`${id}-reporter`} class="text-lg font-semibold">
                  Reporter's record
                </h2>
                <p class="mt-1 text-sm">
                  {d().reporterHistory.total} report(s): {d().reporterHistory.resolved} upheld,{" "}
                  {d().reporterHistory.dismissed} dismissed.
                </p>
              </section>
            </aside>
          </div>
        )}
      </Show>
    </div>
  );
}
