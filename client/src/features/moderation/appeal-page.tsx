import { createResource, createSignal, createUniqueId, For, Show } from "solid-js";
import type { MyModerationAction } from "@contracts/moderation.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { EmptyNotice } from "../../ui/feedback/empty-notice.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { getMyActions, submitAppeal } from "./moderation.api.ts";
import { buttonClass, formatUntil, inputClass } from "./moderation-nav.tsx";

const MAX_APPEAL = 1000;

function ActionCard(props: { action: MyModerationAction; onAppealed: () => void }) {
  const id = createUniqueId();
  const [message, setMessage] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const a = () => props.action;
  const where = () => (a().scope === "platform" ? "on Tollgate" : `in ${a().channelName ?? "a creator"}'s chat`);

  async function send(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await submitAppeal({ moderationActionId: a().id, message: message().trim() });
      props.onAppealed();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
      <h2 id={`${id}-title`} class="font-semibold">
        {a().action === "BAN" ? "Banned" : a().action === "MUTE" ? "Muted" : a().action.toLowerCase()} {where()}
      </h2>
      <p class="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
        Reason: {a().reason ?? "none given"} · {new Date(a().createdAt).toLocaleString()}
        {a().action === "BAN" || a().action === "MUTE" ? ` · until ${formatUntil(a().expiresAt)}` : ""}
        {a().revokedAt ? " · lifted" : ""}
        {(a().action === "BAN" || a().action === "MUTE") && !a().active && !a().revokedAt ? " · ended" : ""}
      </p>
      <Show when={a().appeal}>
        {(appeal) => (
          <p class="mt-2 text-sm" data-testid="appeal-status">
            Appeal: <strong>{appeal().status.toLowerCase()}</strong>
            {appeal().resolutionNote ? ` — ${appeal().resolutionNote}` : ""}
          </p>
        )}
      </Show>
      <Show when={a().active && !a().appeal}>
        <form class="mt-3 flex flex-col gap-2" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-title`}>
          <label for={`${id}-message`} class="text-sm font-medium">
            Why should it be lifted?
          </label>
          <textarea
            id={`${id}-message`}
            rows={4}
            maxLength={MAX_APPEAL}
            required
            class={inputClass}
            value={message()}
            onInput={(e) => setMessage(e.currentTarget.value)}
            aria-describedby={`${id}-count`}
          />
          <p id={`${id}-count`} class="text-xs text-neutral-500">
            {message().length} / {MAX_APPEAL} characters · one appeal per action
          </p>
          <div>
            <button type="submit" class={buttonClass} disabled={busy() || message().trim() === ""}>
              Submit appeal
            </button>
          </div>
          <Show when={error()}>
            <p role="alert" class="text-sm text-red-700 dark:text-red-400">
              {error()}
            </p>
          </Show>
        </form>
      </Show>
    </li>
  );
}

/** /appeal: the actions taken against the signed-in user, and an appeal against each one in force. */
export default function AppealPage() {
  const [actions, { refetch }] = createResource(() => getMyActions());
  const [notice, setNotice] = createSignal<string | null>(null);
  return (
    <div class="mx-auto flex max-w-3xl flex-col gap-6">
      <PageMeta title="Appeal a moderation decision" description="Bans and mutes on your account, and your appeals." />
      <header>
        <h1 class="text-3xl font-bold tracking-tight">Moderation decisions</h1>
        <p class="mt-2 text-neutral-600 dark:text-neutral-400">
          Bans, mutes and warnings on your account. You can appeal each ban or mute in force once.
        </p>
      </header>
      <p aria-live="polite" class="text-sm text-green-700 dark:text-green-400">
        {notice() ?? ""}
      </p>
      <Show when={actions.error}>
        <ErrorNotice message={errorMessage(actions.error)} onRetry={() => void refetch()} />
      </Show>
      <Show when={!actions.error && !actions.latest}>
        <LoadingNotice label="Loading…" />
      </Show>
      <Show when={actions.latest?.actions.length === 0}>
        <EmptyNotice message="No moderation action has been taken against your account." />
      </Show>
      <ul class="flex flex-col gap-4">
        <For each={actions.latest?.actions ?? []}>
          {(action) => (
            <ActionCard
              action={action}
              onAppealed={() => {
                setNotice("Your appeal was sent. A moderator will review it, and you will be notified.");
                void refetch();
              }}
            />
          )}
        </For>
      </ul>
    </div>
  );
}
