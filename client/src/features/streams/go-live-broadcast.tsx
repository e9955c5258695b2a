import { A } from "@solidjs/router";
import { createSignal, Match, Show, Switch } from "solid-js";
import type { IngestDto, StreamDto } from "@contracts/streams.ts";
import { ApiError, errorMessage } from "../../lib/api/api-error.ts";
import { ConfirmDialog } from "../../ui/dialog/confirm-dialog.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import type { PublishMethod } from "./go-live-steps.ts";
import { IngestPanel } from "./ingest-panel.tsx";
import type { Publisher } from "./publisher.ts";
import { viewersLabel } from "./stream-display.ts";
import { StreamStatusBadge } from "./stream-status-badge.tsx";
import { endStream, getPublishToken } from "./streams.api.ts";
import { StudioPreview } from "./studio-preview.tsx";

const primaryButton =
  "rounded-md bg-red-600 px-4 py-2 text-sm font-semibold text-white hover:bg-red-500 aria-disabled:cursor-not-allowed aria-disabled:opacity-60";
const secondaryButton =
  "rounded-md border border-neutral-300 px-4 py-2 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800";

export interface GoLiveBroadcastProps {
  method: PublishMethod;
  publisher: Publisher;
  streamId: string;
  stream: StreamDto | null;
  ingest: IngestDto | null;
  /** Read the stream again now (after going live). */
  refresh: () => void;
  onEnded: (stream: StreamDto | null) => void;
}

function liveError(error: unknown): string {
  if (error instanceof ApiError && error.code === "LIVEKIT_UNAVAILABLE") {
    return "The video server is not answering. Try again in a moment.";
  }
  return errorMessage(error);
}

/** Step 3: publish (browser) or wait for OBS, then "You're live" with the watch link and End. */
export function GoLiveBroadcast(props: GoLiveBroadcastProps) {
  const [going, setGoing] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [confirmEnd, setConfirmEnd] = createSignal(false);
  const [ending, setEnding] = createSignal(false);
  const [endError, setEndError] = createSignal<string | null>(null);
  const isLive = () => props.stream?.status === "LIVE";
  const watchPath = () => `/watch/${encodeURIComponent(props.streamId)}`;

  const goLive = async () => {
    if (going()) return;
    setGoing(true);
    setError(null);
    try {
      if (props.publisher.preview() !== "on") await props.publisher.startPreview();
      if (props.publisher.preview() !== "on") {
        throw new Error(props.publisher.previewError() ?? "Turn on your camera or microphone first.");
      }
      const { token, livekitUrl } = await getPublishToken(props.streamId);
      await props.publisher.goLive(livekitUrl, token);
      props.refresh();
    } catch (cause) {
      setError(liveError(cause));
    } finally {
      setGoing(false);
    }
  };

  const end = async () => {
    setEnding(true);
    setEndError(null);
    try {
      await endStream(props.streamId);
      await props.publisher.close();
      setConfirmEnd(false);
      props.onEnded(props.stream ? { ...props.stream, status: "ENDED", endedAt: new Date().toISOString() } : null);
    } catch (cause) {
      setEndError(errorMessage(cause));
    } finally {
      setEnding(false);
    }
  };

  return (
    <div
      class="flex flex-col gap-5"
      data-testid="go-live-broadcast"
      data-stream-id={props.streamId}
      data-connection={props.publisher.connection()}
    >
      <div class="flex flex-wrap items-center gap-3" aria-live="polite">
        <Show when={props.stream}>{(stream) => <StreamStatusBadge status={stream().status} />}</Show>
        <Switch>
          <Match when={isLive()}>
            <p role="status" data-testid="you-are-live" class="font-semibold text-red-700 dark:text-red-300">
              You're live! {viewersLabel(props.stream?.viewerCount ?? 0)}.
            </p>
          </Match>
          <Match when={props.method === "browser" && props.publisher.connection() !== "offline"}>
            <p role="status" class="text-sm text-neutral-600 dark:text-neutral-400">
              Connected. Your stream goes live as soon as the video server confirms it…
            </p>
          </Match>
          <Match when={props.method === "obs"}>
            <p role="status" data-testid="waiting-for-obs" class="text-sm text-neutral-600 dark:text-neutral-400">
              Waiting for OBS: start streaming there and this page turns live by itself.
            </p>
          </Match>
        </Switch>
      </div>

      <Show when={isLive()}>
        <p class="text-sm">
          Viewers watch at{" "}
          <A
            href={watchPath()}
            target="_blank"
            class="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
          >
            your watch page
          </A>
          .
        </p>
      </Show>
      <Show when={error()}>{(message) => <ErrorNotice message={message()} onRetry={() => void goLive()} />}</Show>
      <Show when={props.method === "browser" && props.publisher.dropped()}>
        {(message) => <ErrorNotice message={message()} onRetry={() => void goLive()} />}
      </Show>

      <Show
        when={props.method === "browser"}
        fallback={<IngestPanel streamId={props.streamId} initial={props.ingest} />}
      >
        <StudioPreview publisher={props.publisher} live={props.publisher.connection() === "live"} />
      </Show>

      <div class="flex flex-wrap gap-3">
        <Show when={props.method === "browser" && props.publisher.connection() === "offline"}>
          <button type="button" class={primaryButton} aria-disabled={going()} onClick={() => void goLive()}>
            {going() ? "Going live…" : "Go live now"}
          </button>
        </Show>
        <button
          type="button"
          class={secondaryButton}
          aria-haspopup="dialog"
          onClick={() => {
            setEndError(null);
            setConfirmEnd(true);
          }}
        >
          End stream
        </button>
      </div>

      <ConfirmDialog
        open={confirmEnd()}
        title="End the stream?"
        description="Viewers are disconnected and stop paying. An ended stream cannot be restarted."
        confirmLabel="End stream"
        pendingLabel="Ending…"
        pending={ending()}
        error={endError()}
        danger
        onConfirm={() => void end()}
        onClose={() => setConfirmEnd(false)}
      />
    </div>
  );
}
