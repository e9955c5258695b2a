import { useSearchParams } from "@solidjs/router";
import { createResource, createSignal, createUniqueId, For, Show } from "solid-js";
import { APPEAL_STATUSES, type AppealDto } from "@contracts/moderation.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { firstParam } from "../../lib/redirect.ts";
import { EmptyNotice } from "../../ui/feedback/empty-notice.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { decideAppeal, getAppeals } from "./moderation.api.ts";
import { buttonClass, formatUntil, inputClass, ModerationNav, secondaryButtonClass } from "./moderation-nav.tsx";

function AppealCard(props: { appeal: AppealDto; onDecided: (text: string) => void }) {
  const id = createUniqueId();
  const [note, setNote] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const a = () => props.appeal;

  async function decide(decision: "UPHOLD" | "LIFT") {
    setBusy(true);
    setError(null);
    try {
      await decideAppeal(a().id, { decision, ...(note().trim() ? { note: note().trim() } : {}) });
      props.onDecided(
        decision === "LIFT"
          ? `Lifted the ${a().action.action.toLowerCase()} on ${a().userName ?? "the user"}.`
          : `Upheld the ${a().action.action.toLowerCase()} on ${a().userName ?? "the user"}.`,
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="font-semibold">
        {a().userName ?? "A user"} appeals a {a().action.scope} {a().action.action.toLowerCase()}
      </h2>
      <p class="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
        Reason given: {a().action.reason ?? "none"} · until {formatUntil(a().action.expiresAt)} · appealed{" "}
        {new Date(a().createdAt).toLocaleString()} · <strong>{a().status.toLowerCase()}</strong>
      </p>
      <blockquote class="mt-2 border-l-4 border-neutral-300 pl-3 dark:border-neutral-700">{a().message}</blockquote>
      <Show when={a().status === "PENDING"}>
        <div class="mt-3">
          <label for={`${id}-note`} class="block text-sm font-medium">
            Note to the user
          </label>
          <textarea
            id={`${id}-note`}
            rows={2}
            maxLength={1000}
            class={inputClass}
            value={note()}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </div>
        <div class="mt-3 flex gap-3">
          <button type="button" class={buttonClass} disabled={busy()} onClick={() => void decide("LIFT")}>
            Lift the {a().action.action.toLowerCase()}
          </button>
          <button type="button" class={secondaryButtonClass} disabled={busy()} onClick={() => void decide("UPHOLD")}>
            Uphold
          </button>
        </div>
      </Show>
      <Show when={a().resolutionNote}>
        <p class="mt-2 text-sm">Note: {a().resolutionNote}</p>
      </Show>
      <Show when={error()}>
        <p role="alert" class="mt-2 text-sm text-red-700 dark:text-red-400">
          {error()}
        </p>
      </Show>
    </li>
  );
}

/** /admin/moderation/appeals: users' appeals against bans and mutes; pending ones oldest first. */
export default function AppealsPage() {
  const [params, setParams] = useSearchParams();
  const id = createUniqueId();
  const status = () => firstParam(params.status) ?? "PENDING";
  const [appeals, { refetch }] = createResource(status, (s) => getAppeals(s));
  const [message, setMessage] = createSignal<string | null>(null);

  return (
    <div class="flex flex-col gap-6">
      <PageMeta title="Appeals" description="Appeals against moderation actions." />
      <header>
        <h1 class="text-3xl font-bold tracking-tight">Appeals</h1>
      </header>
      <ModerationNav />
      <div class="max-w-xs">
        <label for={`${id}-status`} class="block text-sm font-medium">
          Status
        </label>
        <select
          id={`${id}-status`}
          class={inputClass}
          value={status()}
          onChange={(e) => setParams({ status: e.currentTarget.value })}
        >
          <For each={[...APPEAL_STATUSES, "ALL"]}>{(s) => <option value={s}>{s.toLowerCase()}</option>}</For>
        </select>
      </div>
      <p aria-live="polite" class="text-sm text-green-700 dark:text-green-400">
        {message() ?? ""}
      </p>
      <Show when={appeals.error}>
        <ErrorNotice message={errorMessage(appeals.error)} onRetry={() => void refetch()} />
      </Show>
      <Show when={!appeals.error && !appeals.latest}>
        <LoadingNotice label="Loading appeals…" />
      </Show>
      <Show when={appeals.latest?.appeals.length === 0}>
        <EmptyNotice message="No appeals here." />
      </Show>
      <ul class="flex flex-col gap-4">
        <For each={appeals.latest?.appeals ?? []}>
          {(appeal) => (
            <AppealCard
              appeal={appeal}
              onDecided={(text) => {
                setMessage(text);
                void refetch();
              }}
            />
          )}
        </For>
      </ul>
    </div>
  );
}
