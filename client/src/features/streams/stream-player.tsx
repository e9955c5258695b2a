import { createEffect, createSignal, For, onCleanup, onMount, Show, type JSX, type ParentProps } from "solid-js";
import type { Quality, ViewerRoom } from "./viewer-room.ts";

export interface StreamPlayerProps {
  room: ViewerRoom;
  /** Over the video: a <PlayerCover> (start button, why it stopped) or a <PlayerBusy>, or nothing. */
  children?: JSX.Element;
  /** Frames are advancing (or stopped): what the metering counts as playback. */
  onPlayingChange: (playing: boolean) => void;
  /** Controls (volume, quality) are live. */
  controls: boolean;
}

const QUALITIES: { value: Quality; label: string }[] = [
  { value: "high", label: "High" },
  { value: "medium", label: "Medium" },
  { value: "low", label: "Low" },
];

/** A frame within this long counts as playing. */
const FRAME_STALE_MS = 1_500;
const CHECK_MS = 500;

const controlButton =
  "rounded-md px-2.5 py-1.5 text-sm font-medium text-white hover:bg-white/20 focus-visible:outline-2 focus-visible:outline-white";

type FrameCallbackVideo = HTMLVideoElement & {
  requestVideoFrameCallback?: (callback: () => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

/** The live video with its audio, volume, quality and fullscreen controls. */
export function StreamPlayer(props: StreamPlayerProps) {
  let container: HTMLDivElement | undefined;
  let video: FrameCallbackVideo | undefined;
  let audio: HTMLAudioElement | undefined;
  const [volume, setVolume] = createSignal(1);
  const [muted, setMuted] = createSignal(false);
  const [fullscreen, setFullscreen] = createSignal(false);

  onMount(() => {
    if (!video || !audio) return;
    const element = video;
    props.room.bind(element, audio);

    // Playing = frames are being presented. requestVideoFrameCallback says so exactly; until it has
    // fired once (or where it is missing) an advancing currentTime stands in.
    let lastFrameAt = 0;
    let frameHandle: number | undefined;
    const onFrame = () => {
      lastFrameAt = performance.now();
      frameHandle = element.requestVideoFrameCallback?.(onFrame);
    };
    frameHandle = element.requestVideoFrameCallback?.(onFrame);
    let lastTime = -1;
    let playing = false;
    const report = (next: boolean) => {
      if (next === playing) return;
      playing = next;
      props.onPlayingChange(next);
    };
    const check = () => {
      const advancing = element.currentTime !== lastTime;
      lastTime = element.currentTime;
      const frames = lastFrameAt > 0 ? performance.now() - lastFrameAt < FRAME_STALE_MS : advancing;
      report(
        props.room.hasVideo() && !element.paused && element.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && frames,
      );
    };
    const timer = setInterval(check, CHECK_MS);
    const stopped = () => report(false);
    element.addEventListener("playing", check);
    element.addEventListener("pause", stopped);
    element.addEventListener("emptied", stopped);
    element.addEventListener("waiting", stopped);
    const onFullscreen = () => setFullscreen(document.fullscreenElement === container);
    document.addEventListener("fullscreenchange", onFullscreen);
    onCleanup(() => {
      clearInterval(timer);
      if (frameHandle !== undefined) element.cancelVideoFrameCallback?.(frameHandle);
      element.removeEventListener("playing", check);
      element.removeEventListener("pause", stopped);
      element.removeEventListener("emptied", stopped);
      element.removeEventListener("waiting", stopped);
      document.removeEventListener("fullscreenchange", onFullscreen);
      report(false);
    });
  });

  createEffect(() => {
    if (!audio) return;
    audio.volume = volume();
    audio.muted = muted();
  });

  const toggleFullscreen = async () => {
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await container?.requestFullscreen();
    } catch (error) {
      console.warn("fullscreen refused", error);
    }
  };

  return (
    <div
      ref={container}
      data-testid="stream-player"
      class="group relative aspect-video w-full overflow-hidden rounded-xl bg-black text-white"
    >
      {/* Muted: the sound plays through the <audio> element, whose volume the controls set. */}
      <video
        ref={video}
        data-testid="stream-video"
        class="size-full object-contain"
        classList={{ invisible: !props.room.hasVideo() }}
        autoplay
        muted
        playsinline
        aria-label="Live stream"
      />
      <audio ref={audio} autoplay />

      <div class="pointer-events-none absolute inset-0">{props.children}</div>

      <Show when={props.controls}>
        <div class="absolute inset-x-0 bottom-0 flex flex-wrap items-center gap-2 bg-gradient-to-t from-black/80 to-transparent px-3 pt-8 pb-2 opacity-100 transition-opacity group-hover:opacity-100 focus-within:opacity-100 sm:opacity-0">
          <Show when={props.room.audioBlocked()}>
            <button type="button" class={controlButton} onClick={() => void props.room.startAudio()}>
              Turn sound on
            </button>
          </Show>
          <button
            type="button"
            class={controlButton}
            aria-pressed={muted()}
            onClick={() => setMuted((value) => !value)}
          >
            {muted() ? "Unmute" : "Mute"}
          </button>
          <label class="flex items-center gap-2 text-sm">
            <span class="sr-only">Volume</span>
            <input
              type="range"
              min="0"
              max="1"
              step="0.05"
              value={volume()}
              onInput={(event) => {
                setVolume(Number(event.currentTarget.value));
                setMuted(false);
              }}
              class="w-24 accent-white"
            />
          </label>
          <label class="ml-auto flex items-center gap-2 text-sm">
            <span>Quality</span>
            <select
              value={props.room.quality()}
              onChange={(event) => {
                const value = event.currentTarget.value;
                const chosen = QUALITIES.find((option) => option.value === value);
                if (chosen) props.room.setQuality(chosen.value);
              }}
              class="rounded-md border border-white/30 bg-black/60 px-2 py-1 text-sm"
            >
              <For each={QUALITIES}>{(option) => <option value={option.value}>{option.label}</option>}</For>
            </select>
          </label>
          <button
            type="button"
            class={controlButton}
            aria-pressed={fullscreen()}
            onClick={() => void toggleFullscreen()}
          >
            {fullscreen() ? "Exit fullscreen" : "Fullscreen"}
          </button>
        </div>
      </Show>
    </div>
  );
}

/** Covers the video with a message and its actions. */
export function PlayerCover(props: ParentProps) {
  return (
    <div class="pointer-events-auto flex size-full items-center justify-center overflow-y-auto bg-black/75 p-6 text-center">
      {props.children}
    </div>
  );
}

/** Covers the video with a spinner while something is on its way. */
export function PlayerBusy(props: { label: string }) {
  return (
    <PlayerCover>
      <p role="status" data-testid="player-busy" class="flex items-center gap-3 text-sm font-medium">
        <span
          class="size-5 animate-spin rounded-full border-2 border-white border-t-transparent motion-reduce:animate-none"
          aria-hidden="true"
        />
        {props.label}
      </p>
    </PlayerCover>
  );
}
