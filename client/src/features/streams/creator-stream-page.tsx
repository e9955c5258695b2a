import { A } from "@solidjs/router";
import { createEffect, createResource, createSignal, Match, on, onCleanup, onMount, Show, Switch } from "solid-js";
import type { IngestDto, StreamDto } from "@contracts/streams.ts";
import { ApiError, errorMessage } from "../../lib/api/api-error.ts";
import { createNow } from "../../lib/now.ts";
import { ConfirmDialog } from "../../ui/dialog/confirm-dialog.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { ImageUploader } from "../../ui/upload/image-uploader.tsx";
import { useSession } from "../auth/session-context.tsx";
import { ChatPanel } from "../chat/chat-panel.tsx";
import { getHealth } from "../health/health.api.ts";
import { IngestPanel } from "./ingest-panel.tsx";
import { createPublisher, type PublisherConnection } from "./publisher.ts";
import { activeStream, formatDuration, streamElapsedMs, viewersLabel } from "./stream-display.ts";
import { createStreamPoller } from "./stream-poller.ts";
import { StreamSetupForm } from "./stream-setup-form.tsx";
import { StreamStatusBadge } from "./stream-status-badge.tsx";
import { createStream, endStream, getPublishToken, listStreams } from "./streams.api.ts";
import { StudioPreview } from "./studio-preview.tsx";

/** The server status is read this often; faster while waiting for LiveKit to report the stream live. */
const POLL_MS = 5_000;
const AWAITING_LIVE_POLL_MS = 1_500;

const NOT_CONFIGURED =
  "Live video is not configured on this server: it needs LiveKit (LIVEKIT_WS_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET). Ask an administrator.";

const primaryButton =
  "rounded-md bg-red-600 px-4 py-2 text-sm font-semibold text-white hover:bg-red-500 aria-disabled:cursor-not-allowed aria-disabled:opacity-60";
const secondaryButton =
  "rounded-md border border-neutral-300 px-4 py-2 text-sm font-medium hover:bg-neutral-100 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 dark:border-neutral-700 dark:hover:bg-neutral-800";

const CONNECTION_LABELS: Record<PublisherConnection, string> = {
  offline: "Not publishing from this browser",
  connecting: "Connecting to the video server…",
  live: "Publishing from this browser",
  reconnecting: "Reconnecting to the video server…",
};

function liveVideoMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === "LIVEKIT_NOT_CONFIGURED") return NOT_CONFIGURED;
  if (error instanceof ApiError && error.code === "LIVEKIT_UNAVAILABLE") {
    return "The video server is not answering. Try again in a moment.";
  }
  return errorMessage(error);
}

/** /creator/stream — set up a stream, preview the camera, go live, end it; or stream from OBS. */
export default function CreatorStreamPage() {
  const auth = useSession();
  const [health] = createResource(() => getHealth().catch(() => null));
  const liveKitOff = () => health.latest?.services.livekit === "not_configured";

  // A stream still in progress (a reload, a crash, OBS) is picked up again.
  const [existing, { refetch: refetchExisting }] = createResource(
    () => auth.me()?.user.id,
    async (creatorId) => activeStream((await listStreams({ creatorId, status: "all", limit: 20 })).streams),
  );
  const [streamId, setStreamId] = createSignal<string | null>(null);
  const [createdIngest, setCreatedIngest] = createSignal<IngestDto | null>(null);
  const [finished, setFinished] = createSignal<StreamDto | null>(null);
  createEffect(
    on(
      () => (existing.error ? undefined : existing.latest),
      (found) => {
        if (found && !streamId() && !finished()) setStreamId(found.id);
      },
    ),
  );

  const create = async (input: Parameters<typeof createStream>[0]) => {
    const created = await createStream(input).catch((error: unknown) => {
      if (error instanceof ApiError && error.code === "LIVEKIT_NOT_CONFIGURED") {
        throw new ApiError(error.status, error.code, NOT_CONFIGURED);
      }
      throw error;
    });
    setCreatedIngest(created.ingest);
    setFinished(null);
    setStreamId(created.stream.id);
  };

  return (
    <div class="flex flex-col gap-6">
      <header class="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 class="text-3xl font-bold tracking-tight">Go live</h1>
          <p class="mt-2 max-w-2xl text-neutral-600 dark:text-neutral-400">
            Stream from your browser, or from OBS with the WHIP settings. Viewers pay by the minute while they watch.
          </p>
        </div>
        <A href="/creator" class="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          Creator studio
        </A>
      </header>

      <Show when={liveKitOff()}>
        <div
          role="alert"
          data-testid="livekit-not-configured"
          class="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100"
        >
          {NOT_CONFIGURED}
        </div>
      </Show>

      <Switch>
        <Match when={finished()}>
          {(stream) => (
            <section
              role="status"
              data-testid="stream-finished"
              class="rounded-xl border border-neutral-200 bg-white p-6 shadow-sm dark:border-neutral-800 dark:bg-neutral-900"
            >
              <h2 class="text-xl font-semibold">Stream ended</h2>
              <p class="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
                “{stream().title}”
                <Show when={streamElapsedMs(stream(), Date.now())}>
                  {(elapsed) => <> ran for {formatDuration(elapsed())}</>}
                </Show>
                . Thanks for streaming.
              </p>
              <button type="button" class={`mt-4 ${secondaryButton}`} onClick={() => setFinished(null)}>
                Set up a new stream
              </button>
            </section>
          )}
        </Match>
        <Match when={streamId()}>
          {(id) => (
            <Studio
              streamId={id()}
              ingest={createdIngest()}
              liveKitOff={liveKitOff()}
              onEnded={(stream) => {
                setStreamId(null);
                setCreatedIngest(null);
                setFinished(stream);
              }}
            />
          )}
        </Match>
        <Match when={existing.error}>
          <ErrorNotice message={errorMessage(existing.error)} onRetry={() => void refetchExisting()} />
        </Match>
        <Match when={existing.loading}>
          <LoadingNotice label="Looking for your stream…" />
        </Match>
        <Match when={true}>
          <section
            aria-labelledby="setup-heading"
            class="max-w-2xl rounded-xl border border-neutral-200 bg-white p-6 shadow-sm dark:border-neutral-800 dark:bg-neutral-900"
          >
            <h2 id="setup-heading" class="mb-4 text-xl font-semibold">
              Set up your stream
            </h2>
            <StreamSetupForm submit={create} disabled={liveKitOff()} />
          </section>
        </Match>
      </Switch>
    </div>
  );
}

interface StudioProps {
  streamId: string;
  ingest: IngestDto | null;
  liveKitOff: boolean;
  onEnded: (stream: StreamDto) => void;
}

/** One stream in progress: preview, go live, status, viewers, duration, end; and the OBS panel. */
function Studio(props: StudioProps) {
  const publisher = createPublisher();
  const now = createNow();
  const waitingForLive = (current: StreamDto | null) =>
    publisher.connection() === "live" && !!current && current.status !== "LIVE";
  const poller = createStreamPoller({
    streamId: () => props.streamId,
    intervalMs: (current) => (waitingForLive(current) ? AWAITING_LIVE_POLL_MS : POLL_MS),
  });
  const stream = () => poller.stream();
  const awaitingLive = () => waitingForLive(stream());
  const [goingLive, setGoingLive] = createSignal(false);
  const [liveError, setLiveError] = createSignal<string | null>(null);
  const [confirmEnd, setConfirmEnd] = createSignal(false);
  const [ending, setEnding] = createSignal(false);
  const [endError, setEndError] = createSignal<string | null>(null);

  onMount(() => void publisher.startPreview());

  // Ended elsewhere (another tab, an admin): the studio closes too.
  createEffect(
    on(stream, (current) => {
      if (current?.status !== "ENDED" && current?.status !== "REMOVED") return;
      void publisher.close();
      props.onEnded(current);
    }),
  );

  // Closing the tab while live pauses the stream: ask first.
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (publisher.connection() === "offline") return;
    event.preventDefault();
  };
  window.addEventListener("beforeunload", onBeforeUnload);
  onCleanup(() => window.removeEventListener("beforeunload", onBeforeUnload));

  const goLive = async () => {
    if (goingLive() || props.liveKitOff) return;
    setGoingLive(true);
    setLiveError(null);
    try {
      if (publisher.preview() !== "on") await publisher.startPreview();
      if (publisher.preview() !== "on") {
        throw new Error(publisher.previewError() ?? "Turn on your camera or microphone first, or stream from OBS.");
      }
      const { token, livekitUrl } = await getPublishToken(props.streamId);
      await publisher.goLive(livekitUrl, token);
      void poller.refresh();
    } catch (error) {
      setLiveError(liveVideoMessage(error));
    } finally {
      setGoingLive(false);
    }
  };

  const goOffline = async () => {
    await publisher.goOffline();
    void poller.refresh();
  };

  const end = async () => {
    setEnding(true);
    setEndError(null);
    try {
      await endStream(props.streamId);
      await publisher.close();
      const current = stream();
      setConfirmEnd(false);
      if (current) props.onEnded({ ...current, status: "ENDED", endedAt: new Date().toISOString() });
    } catch (error) {
      setEndError(errorMessage(error));
    } finally {
      setEnding(false);
    }
  };

  return (
    <Switch>
      <Match when={!stream() && poller.error()}>
        <ErrorNotice message={errorMessage(poller.error())} onRetry={() => void poller.refresh()} />
      </Match>
      <Match when={stream()}>
        {(current) => (
          <div class="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
            <section
              aria-labelledby="studio-heading"
              data-testid="studio"
              data-stream-id={props.streamId}
              class="flex flex-col gap-4"
            >
              <div class="flex flex-wrap items-center gap-x-4 gap-y-2">
                <h2 id="studio-heading" class="text-xl font-semibold break-words">
                  {current().title}
                </h2>
                <StreamStatusBadge status={current().status} />
              </div>
              <dl class="flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-live="polite">
                <div class="flex gap-1.5">
                  <dt class="text-neutral-500 dark:text-neutral-400">Viewers</dt>
                  <dd data-testid="studio-viewers" class="font-medium tabular-nums">
                    {viewersLabel(current().viewerCount)}
                  </dd>
                </div>
                <Show when={streamElapsedMs(current(), now())}>
                  {(elapsed) => (
                    <div class="flex gap-1.5">
                      <dt class="text-neutral-500 dark:text-neutral-400">On air</dt>
                      {/* Not part of the live region's news: it changes every second. */}
                      <dd data-testid="studio-duration" class="font-medium tabular-nums" aria-live="off">
                        {formatDuration(elapsed())}
                      </dd>
                    </div>
                  )}
                </Show>
                <div class="flex gap-1.5">
                  <dt class="sr-only">Connection</dt>
                  <dd data-testid="publisher-connection" data-state={publisher.connection()}>
                    {CONNECTION_LABELS[publisher.connection()]}
                  </dd>
                </div>
              </dl>

              <Show when={awaitingLive()}>
                <p role="status" class="text-sm text-neutral-600 dark:text-neutral-400">
                  Connected. Your stream goes live as soon as the video server confirms it…
                </p>
              </Show>
              <Show when={publisher.dropped()}>
                {(message) => <ErrorNotice message={message()} onRetry={() => void goLive()} />}
              </Show>
              <Show when={liveError()}>{(message) => <ErrorNotice message={message()} />}</Show>

              <StudioPreview publisher={publisher} live={publisher.connection() === "live"} />

              <div class="flex flex-wrap gap-3">
                <Show
                  when={publisher.connection() !== "offline"}
                  fallback={
                    <button
                      type="button"
                      class={primaryButton}
                      aria-disabled={goingLive() || props.liveKitOff}
                      onClick={() => void goLive()}
                    >
                      {goingLive() ? "Going live…" : "Go live"}
                    </button>
                  }
                >
                  <button type="button" class={secondaryButton} onClick={() => void goOffline()}>
                    Stop publishing
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
            </section>

            <aside class="flex flex-col gap-6">
              <ChatPanel streamId={props.streamId} moderation="open" />
              <ImageUploader
                kind="thumbnail"
                streamId={props.streamId}
                aspect={16 / 9}
                label="Thumbnail"
                currentUrl={current().thumbnailUrl ?? undefined}
                onUploaded={() => void poller.refresh()}
              />
              <IngestPanel streamId={props.streamId} initial={props.ingest} />
            </aside>

            <ConfirmDialog
              open={confirmEnd()}
              title="End the stream?"
              description="Viewers are disconnected and stop paying. An ended stream cannot be restarted; you can set up a new one."
              confirmLabel="End stream"
              pendingLabel="Ending…"
              pending={ending()}
              error={endError()}
              danger
              onConfirm={() => void end()}
              onClose={() => setConfirmEnd(false)}
            />
          </div>
        )}
      </Match>
      <Match when={true}>
        <LoadingNotice label="Loading your stream…" />
      </Match>
    </Switch>
  );
}
