import { createEffect, For, Match, onCleanup, Show, Switch } from "solid-js";
import type { DeviceKind, Publisher } from "./publisher.ts";

const toggleClass =
  "rounded-md border px-3 py-1.5 text-sm font-medium aria-pressed:border-red-300 aria-pressed:bg-red-50 aria-pressed:text-red-800 dark:aria-pressed:border-red-800 dark:aria-pressed:bg-red-950/50 dark:aria-pressed:text-red-200 border-neutral-300 hover:bg-neutral-100 disabled:opacity-50 dark:border-neutral-700 dark:hover:bg-neutral-800";
const selectClass =
  "mt-1 block w-full rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm dark:border-neutral-700 dark:bg-neutral-900";

const deviceLabel = (device: MediaDeviceInfo, index: number, kind: DeviceKind) =>
  device.label || `${kind === "videoinput" ? "Camera" : "Microphone"} ${index + 1}`;

/** The camera as viewers will see it, with the microphone, camera and screen controls. */
export function StudioPreview(props: { publisher: Publisher; live: boolean }) {
  let video: HTMLVideoElement | undefined;

  createEffect(() => {
    const track = props.publisher.camera();
    if (!track || !video) return;
    const element = video;
    track.attach(element);
    onCleanup(() => track.detach(element));
  });

  const DevicePicker = (picker: { kind: DeviceKind; label: string }) => (
    <label class="block min-w-0 flex-1 text-sm font-medium">
      {picker.label}
      <select
        class={selectClass}
        value={props.publisher.selectedDevice(picker.kind)}
        disabled={props.publisher.devices()[picker.kind].length === 0}
        onChange={(event) => {
          props.publisher.selectDevice(picker.kind, event.currentTarget.value).catch((error: unknown) => {
            console.warn("could not switch device", error);
          });
        }}
      >
        <For each={props.publisher.devices()[picker.kind]}>
          {(device, index) => (
            <option value={device.deviceId} selected={device.deviceId === props.publisher.selectedDevice(picker.kind)}>
              {deviceLabel(device, index(), picker.kind)}
            </option>
          )}
        </For>
      </select>
    </label>
  );

  return (
    <div class="flex flex-col gap-3">
      <div class="relative aspect-video overflow-hidden rounded-xl bg-black text-white">
        {/* The creator's own preview: muted, or they would hear themselves. */}
        <video
          ref={video}
          data-testid="studio-preview"
          class="size-full -scale-x-100 object-cover"
          classList={{ invisible: !props.publisher.camera() || !props.publisher.cameraOn() }}
          autoplay
          muted
          playsinline
          aria-label="Camera preview"
        />
        <Switch>
          <Match when={props.publisher.preview() === "starting"}>
            <p role="status" class="absolute inset-0 flex items-center justify-center text-sm">
              Starting the camera…
            </p>
          </Match>
          <Match when={props.publisher.preview() === "failed"}>
            <div role="alert" class="absolute inset-0 flex flex-col items-center justify-center gap-3 p-6 text-center">
              <p class="text-sm">{props.publisher.previewError()}</p>
              <button
                type="button"
                onClick={() => void props.publisher.startPreview()}
                class="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-neutral-900"
              >
                Try again
              </button>
            </div>
          </Match>
          <Match when={props.publisher.preview() === "off"}>
            <div class="absolute inset-0 flex items-center justify-center">
              <button
                type="button"
                onClick={() => void props.publisher.startPreview()}
                class="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-neutral-900"
              >
                Turn on camera and microphone
              </button>
            </div>
          </Match>
          <Match when={props.publisher.camera() && !props.publisher.cameraOn()}>
            <p class="absolute inset-0 flex items-center justify-center text-sm">Camera off</p>
          </Match>
        </Switch>
        <Show when={props.publisher.sharingScreen()}>
          <p class="absolute top-2 left-2 rounded bg-black/70 px-2 py-1 text-xs">Sharing your screen</p>
        </Show>
      </div>

      <div class="flex flex-wrap gap-2" role="group" aria-label="Devices">
        <button
          type="button"
          class={toggleClass}
          aria-pressed={!props.publisher.micOn()}
          disabled={!props.publisher.hasMicrophone()}
          onClick={() => void props.publisher.setMicOn(!props.publisher.micOn())}
        >
          Mute microphone
        </button>
        <button
          type="button"
          class={toggleClass}
          aria-pressed={!props.publisher.cameraOn()}
          disabled={!props.publisher.camera()}
          onClick={() => void props.publisher.setCameraOn(!props.publisher.cameraOn())}
        >
          Turn camera off
        </button>
        <button
          type="button"
          class={toggleClass}
          aria-pressed={props.publisher.sharingScreen()}
          disabled={!props.live}
          title={props.live ? undefined : "Go live to share your screen"}
          onClick={() => {
            props.publisher.setScreenShare(!props.publisher.sharingScreen()).catch((error: unknown) => {
              console.warn("screen share failed", error);
            });
          }}
        >
          Share screen
        </button>
      </div>
      <div class="flex flex-wrap gap-3">
        <DevicePicker kind="videoinput" label="Camera" />
        <DevicePicker kind="audioinput" label="Microphone" />
      </div>
    </div>
  );
}
