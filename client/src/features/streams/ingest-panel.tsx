import { createResource, createSignal, createUniqueId, Match, Show, Switch } from "solid-js";
import type { IngestDto } from "@contracts/streams.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { ConfirmDialog } from "../../ui/dialog/confirm-dialog.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { CopyButton } from "../../ui/forms/copy-button.tsx";
import { getIngest, rotateIngest } from "./streams.api.ts";

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const fieldClass =
  "block w-full min-w-0 rounded-md border border-neutral-300 bg-neutral-50 px-3 py-2 font-mono text-xs dark:border-neutral-700 dark:bg-neutral-950";
const smallButton =
  "rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium whitespace-nowrap hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800";

export interface IngestPanelProps {
  streamId: string;
  /** The ingest the create call returned, to save a request. */
  initial?: IngestDto | null;
}

/** Streaming from OBS: the WHIP server URL and bearer token, to copy, reveal and rotate. */
export function IngestPanel(props: IngestPanelProps) {
  const [ingest, { refetch, mutate }] = createResource(
    () => props.streamId,
    async (streamId) => props.initial ?? (await getIngest(streamId)).ingest,
  );
  const [revealed, setRevealed] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  const [rotating, setRotating] = createSignal(false);
  const [rotateError, setRotateError] = createSignal<string | null>(null);
  const [rotated, setRotated] = createSignal(false);
  const urlId = `whip-url-${createUniqueId()}`;
  const tokenId = `whip-token-${createUniqueId()}`;

  const rotate = async () => {
    setRotating(true);
    setRotateError(null);
    try {
      mutate((await rotateIngest(props.streamId)).ingest);
      setConfirming(false);
      setRotated(true);
    } catch (error) {
      setRotateError(errorMessage(error));
    } finally {
      setRotating(false);
    }
  };

  return (
    <section
      aria-labelledby="ingest-heading"
      data-testid="ingest-panel"
      class="flex flex-col gap-4 rounded-xl border border-neutral-200 bg-white p-5 shadow-sm dark:border-neutral-800 dark:bg-neutral-900"
    >
      <div>
        <h2 id="ingest-heading" class="text-lg font-semibold">
          Stream from OBS (WHIP)
        </h2>
        <p class="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
          In OBS, open Settings → Stream, choose Service: WHIP, and paste the server URL and bearer token below.
        </p>
      </div>
      <Switch>
        <Match when={ingest.error}>
          <ErrorNotice message={errorMessage(ingest.error)} onRetry={() => void refetch()} />
        </Match>
        <Match when={ingest.latest}>
          {(current) => (
            <>
              <div>
                <label for={urlId} class="block text-sm font-medium">
                  Server URL
                </label>
                <div class="mt-1 flex gap-2">
                  <input id={urlId} readonly value={current().whipUrl} class={fieldClass} />
                  <CopyButton value={current().whipUrl} label="Copy server URL" />
                </div>
              </div>
              <div>
                <label for={tokenId} class="block text-sm font-medium">
                  Bearer token
                </label>
                <div class="mt-1 flex flex-wrap gap-2 sm:flex-nowrap">
                  <input
                    id={tokenId}
                    readonly
                    type={revealed() ? "text" : "password"}
                    value={current().whipToken}
                    autocomplete="off"
                    data-testid="whip-token"
                    class={fieldClass}
                  />
                  <button
                    type="button"
                    aria-pressed={revealed()}
                    aria-controls={tokenId}
                    onClick={() => setRevealed((value) => !value)}
                    class={smallButton}
                  >
                    {revealed() ? "Hide" : "Reveal"}
                  </button>
                  <CopyButton value={current().whipToken} label="Copy bearer token" />
                </div>
                <p class="mt-1 text-xs text-neutral-500 dark:text-neutral-400">
                  Keep it secret: anyone with it can stream as you. Valid until{" "}
                  <time datetime={current().whipTokenExpiresAt}>
                    {dateTimeFormat.format(new Date(current().whipTokenExpiresAt))}
                  </time>
                  .
                </p>
              </div>
              <Show when={rotated()}>
                <p role="status" class="text-sm text-emerald-700 dark:text-emerald-400">
                  New token issued. Paste it into OBS; the old one no longer works.
                </p>
              </Show>
              <div>
                <button
                  type="button"
                  aria-haspopup="dialog"
                  onClick={() => {
                    setRotateError(null);
                    setConfirming(true);
                  }}
                  class={smallButton}
                >
                  Rotate token
                </button>
              </div>
            </>
          )}
        </Match>
        <Match when={true}>
          <LoadingNotice label="Loading the OBS settings…" />
        </Match>
      </Switch>
      <ConfirmDialog
        open={confirming()}
        title="Rotate the bearer token?"
        description="OBS stops being able to stream with the current token. You will need to paste the new one into OBS."
        confirmLabel="Rotate token"
        pendingLabel="Rotating…"
        pending={rotating()}
        error={rotateError()}
        danger
        onConfirm={() => void rotate()}
        onClose={() => setConfirming(false)}
      />
    </section>
  );
}
