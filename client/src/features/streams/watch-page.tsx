import { A, useParams, useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, Match, on, Show, Switch, type JSX } from "solid-js";
import type { ViewingSessionDto } from "@contracts/metering.ts";
import type { StreamDto } from "@contracts/streams.ts";
import { ApiError, errorMessage } from "../../lib/api/api-error.ts";
import { firstParam, loginPath } from "../../lib/redirect.ts";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { useSession } from "../auth/session-context.tsx";
import { ChatPanel } from "../chat/chat-panel.tsx";
import { BalanceOverlay } from "../metering/balance-overlay.tsx";
import { LowBalanceBanner } from "../metering/low-balance-banner.tsx";
import { isLowBalance, sessionEndNotice } from "../metering/session-end.ts";
import { TopUpDialog } from "../metering/top-up-dialog.tsx";
import { createViewingSession } from "../metering/viewing-session.ts";
import { useWallet } from "../wallet/wallet-context.tsx";
import { rateLabel } from "./stream-display.ts";
import { StreamInfo } from "./stream-info.tsx";
import { PlayerBusy, PlayerCover, StreamPlayer } from "./stream-player.tsx";
import { createStreamPoller } from "./stream-poller.ts";
import { createViewerRoom } from "./viewer-room.ts";

/** Status and viewer count refresh this often while the page is open. */
const STREAM_POLL_MS = 10_000;

const primaryButton =
  "rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400";
const secondaryButton =
  "rounded-md border border-white/40 px-4 py-2 text-sm font-semibold text-white hover:bg-white/10";

/** Why a session could not start, for the viewer. */
function startErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case "STREAM_NOT_LIVE":
        return "This stream is not live right now.";
      case "LIVEKIT_NOT_CONFIGURED":
        return "Live video is not available on this server.";
      case "LIVEKIT_UNAVAILABLE":
        return "The video server is not answering. Try again in a moment.";
      case "EMAIL_NOT_VERIFIED":
        return "Confirm your email address before watching. Check your inbox for the link.";
    }
  }
  return errorMessage(error);
}

const OFFLINE_MESSAGES: Record<Exclude<StreamDto["status"], "LIVE">, { title: string; message: string }> = {
  SCHEDULED: { title: "Not live yet", message: "This stream has not started. Stay on this page or come back later." },
  PAUSED: { title: "The creator is away", message: "The stream is paused and will resume shortly." },
  ENDED: { title: "This stream has ended", message: "Thanks for watching." },
  REMOVED: { title: "This stream was removed", message: "A moderator took this stream down." },
};

/** /watch/:streamId — the paid live player, its balance and its metering. */
export default function WatchPage() {
  const params = useParams<{ streamId: string }>();
  const [search] = useSearchParams();
  const auth = useSession();
  const wallet = useWallet();
  const poller = createStreamPoller({ streamId: () => params.streamId, intervalMs: () => STREAM_POLL_MS });
  const viewing = createViewingSession();
  const room = createViewerRoom();
  const [roomError, setRoomError] = createSignal<unknown>(null);
  const [topUpOpen, setTopUpOpen] = createSignal(false);

  const stream = () => poller.stream();
  const phase = viewing.phase;
  const watching = () => phase().kind === "watching";
  const session = (): ViewingSessionDto | null => {
    const current = phase();
    return current.kind === "watching" ? current.session : null;
  };

  const connect = async (started: ViewingSessionDto) => {
    setRoomError(null);
    try {
      await room.connect(started.livekitUrl, started.token);
    } catch (error) {
      if (session() === started) setRoomError(error);
    }
  };

  const startWatching = async () => {
    setRoomError(null);
    setTopUpOpen(false);
    await room.disconnect();
    const started = await viewing.start(params.streamId);
    if (!started) return;
    await connect(started);
    void poller.refresh(); // the viewer count now includes us
  };

  const stopWatching = () => {
    viewing.leave();
    void room.disconnect();
  };

  // Whatever ended the session (credits, the server, an error), the video stops with it.
  createEffect(
    on(
      () => phase().kind,
      (kind) => {
        if (kind !== "watching" && kind !== "starting") void room.disconnect();
        if (kind === "exhausted") {
          setTopUpOpen(true);
          void wallet.refresh();
        }
      },
      { defer: true },
    ),
  );

  // Nothing is received (or billed) while the tab is hidden.
  createEffect(on(viewing.visible, (visible) => room.setReceiving(visible), { defer: true }));

  // The room dropped us: ask the server why instead of reconnecting.
  createEffect(
    on(room.closed, (closed) => {
      if (closed === "removed" || closed === "room_deleted") {
        void viewing.removedFromRoom();
        void poller.refresh(); // a takedown deletes the room: the status says why
      }
    }),
  );

  // The navbar balance follows the debits.
  createEffect(on(viewing.remainingCredits, () => void wallet.refresh(), { defer: true }));

  const busyLabel = (): string | null => {
    if (room.phase() === "reconnecting") return "Reconnecting…";
    if (room.phase() !== "connected") return "Connecting…";
    if (room.hasVideo()) return null;
    return stream()?.status === "PAUSED" ? "The creator is away. The stream resumes shortly…" : "Waiting for video…";
  };
  const exhausted = () => phase().kind === "exhausted";
  const ended = () => {
    const state = phase();
    if (state.kind !== "ended") return null;
    const reason =
      state.reason ??
      (stream()?.status === "REMOVED" ? "stream_removed" : room.closed() === "room_deleted" ? "stream_ended" : null);
    return { reason, notice: sessionEndNotice(reason, { wasHidden: state.wasHidden }) };
  };
  const failure = () => {
    const state = phase();
    return state.kind === "failed" ? startErrorMessage(state.error) : null;
  };
  const offline = () => {
    const status = stream()?.status;
    return status && status !== "LIVE" ? OFFLINE_MESSAGES[status] : null;
  };

  // One <Match> per state, so a poll that refreshes the stream does not rebuild (and unfocus) the panel.
  const overlay = () => (
    <Switch>
      <Match when={auth.status() === "loading"}>
        <PlayerBusy label="Checking your session…" />
      </Match>
      <Match when={auth.status() === "signed-out"}>
        <Panel title="Sign in to watch" testId="sign-in-prompt">
          <p>Streams are paid by the minute from your credits ({rateLabel(stream()?.ratePerMinute ?? "0")}).</p>
          <div class="flex flex-wrap justify-center gap-3">
            <A href={loginPath(`/watch/${params.streamId}`)} class={primaryButton}>
              Sign in to watch
            </A>
            <A href="/register" class={secondaryButton}>
              Create an account
            </A>
          </div>
        </Panel>
      </Match>
      <Match when={phase().kind === "idle" && offline()}>
        {(message) => (
          <Panel title={message().title} testId="stream-offline">
            <p>{message().message}</p>
          </Panel>
        )}
      </Match>
      <Match when={phase().kind === "idle"}>
        <Panel title={stream()?.title ?? ""} testId="start-panel">
          <p>
            You pay {rateLabel(stream()?.ratePerMinute ?? "0")} while you watch, and nothing while this tab is hidden.
          </p>
          <button type="button" class={primaryButton} onClick={() => void startWatching()}>
            {firstParam(search.resume) === "1" ? "Resume" : "Start watching"}
          </button>
        </Panel>
      </Match>
      <Match when={phase().kind === "starting"}>
        <PlayerBusy label="Starting your session…" />
      </Match>
      <Match when={exhausted()}>
        <Panel title="Your credits ran out" testId="exhausted-notice" alert>
          <p>Top up, then resume the stream. You were only charged for what you watched.</p>
          <div class="flex flex-wrap justify-center gap-3">
            <button type="button" class={primaryButton} aria-haspopup="dialog" onClick={() => setTopUpOpen(true)}>
              Top up
            </button>
            <button type="button" class={secondaryButton} onClick={() => void startWatching()}>
              Resume
            </button>
          </div>
        </Panel>
      </Match>
      <Match when={ended()}>
        {(state) => (
          <Panel title={state().notice.title} testId="session-ended" reason={state().reason ?? "unknown"} alert>
            <p>{state().notice.message}</p>
            <Show when={state().notice.canRestart && stream()?.status === "LIVE"}>
              <button type="button" class={primaryButton} onClick={() => void startWatching()}>
                Watch again
              </button>
            </Show>
          </Panel>
        )}
      </Match>
      <Match when={failure()}>
        {(message) => (
          <Panel title="The stream could not start" testId="watch-error" alert>
            <p>{message()}</p>
            <button type="button" class={primaryButton} onClick={() => void startWatching()}>
              Try again
            </button>
          </Panel>
        )}
      </Match>
      <Match when={roomError()}>
        <Panel title="Could not connect to the video" testId="watch-error" alert>
          <p>{errorMessage(roomError())}</p>
          <button type="button" class={primaryButton} onClick={() => void startWatching()}>
            Try again
          </button>
        </Panel>
      </Match>
      <Match when={room.closed() === "lost" && session()}>
        {(active) => (
          <Panel title="Connection lost" testId="connection-lost" alert>
            <p>The video connection dropped. You are not charged while nothing plays.</p>
            <button type="button" class={primaryButton} onClick={() => void connect(active())}>
              Reconnect
            </button>
          </Panel>
        )}
      </Match>
      <Match when={room.closed()}>
        <PlayerBusy label="Checking your session…" />
      </Match>
      <Match when={!viewing.visible()}>
        <Panel title="Paused">
          <p>Paused while this tab is hidden.</p>
        </Panel>
      </Match>
      <Match when={busyLabel()}>{(label) => <PlayerBusy label={label()} />}</Match>
    </Switch>
  );

  return (
    <Switch>
      <Match when={poller.missing()}>
        <section class="mx-auto max-w-xl py-16 text-center">
          <h1 class="text-3xl font-bold tracking-tight">Stream not found</h1>
          <p class="mt-3 text-neutral-600 dark:text-neutral-400">This stream does not exist or was removed.</p>
          <A href="/" class={`mt-6 inline-block ${primaryButton}`}>
            See who is live
          </A>
        </section>
      </Match>
      <Match when={!stream() && poller.error()}>
        <ErrorNotice message={errorMessage(poller.error())} onRetry={() => void poller.refresh()} />
      </Match>
      <Match when={stream()}>
        {(current) => (
          <div class="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
            <div class="flex flex-col gap-4">
              <StreamPlayer
                room={room}
                controls={watching() && room.phase() !== "idle"}
                onPlayingChange={viewing.setPlaying}
              >
                {overlay()}
              </StreamPlayer>
              <Show when={session()}>
                {(active) => (
                  <>
                    <BalanceOverlay
                      remainingCredits={viewing.remainingCredits()}
                      ratePerMinute={active().meteringRate}
                      intervalMs={active().intervalMs}
                      nextTickAt={viewing.nextTickAt()}
                      status={viewing.meterStatus()}
                    />
                    <Show when={isLowBalance(viewing.remainingCredits()) && viewing.remainingCredits()}>
                      {(credits) => (
                        <LowBalanceBanner remainingCredits={credits()} onTopUp={() => setTopUpOpen(true)} />
                      )}
                    </Show>
                    <div>
                      <button
                        type="button"
                        onClick={stopWatching}
                        class="rounded-md border border-neutral-300 px-4 py-2 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800"
                      >
                        Stop watching
                      </button>
                    </div>
                  </>
                )}
              </Show>
            </div>
            <aside class="flex flex-col gap-6">
              <ChatPanel streamId={current().id} moderation="collapsible" />
              <StreamInfo stream={current()} />
            </aside>
            <TopUpDialog
              open={topUpOpen()}
              onClose={() => setTopUpOpen(false)}
              exhausted={phase().kind === "exhausted"}
              needed={(() => {
                const state = phase();
                return state.kind === "exhausted" ? state.needed : null;
              })()}
              balance={(() => {
                const state = phase();
                return state.kind === "exhausted" ? state.balance : null;
              })()}
              returnTo={{ path: `/watch/${params.streamId}?resume=1`, label: "Back to the stream" }}
            />
          </div>
        )}
      </Match>
      <Match when={true}>
        <LoadingNotice label="Loading stream…" />
      </Match>
    </Switch>
  );
}

interface PanelProps {
  title: string;
  testId?: string;
  /** Announce it (the stream stopped) rather than wait to be found. */
  alert?: boolean;
  /** Why the session ended, for tests and support. */
  reason?: string;
  children: JSX.Element;
}

/** The message over the player, with its actions. */
function Panel(props: PanelProps) {
  return (
    <PlayerCover>
      <div
        role={props.alert ? "alert" : undefined}
        data-testid={props.testId}
        data-reason={props.reason}
        class="flex max-w-md flex-col items-center gap-4 text-sm text-neutral-100"
      >
        <h2 class="text-xl font-semibold text-white">{props.title}</h2>
        {props.children}
      </div>
    </PlayerCover>
  );
}
