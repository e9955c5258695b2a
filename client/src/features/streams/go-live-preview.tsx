import { createEffect, createSignal, For, on, onCleanup, Show } from "solid-js";
import { STREAM_QUALITIES, type StreamQuality } from "@contracts/creator-settings.ts";
import type { UploadResult } from "@contracts/uploads.ts";
import { SelectField } from "../../ui/forms/select-field.tsx";
import { ImageUploader } from "../../ui/upload/image-uploader.tsx";
import type { PublishMethod } from "./go-live-steps.ts";
import { QUALITY_LABELS } from "./publish-quality.ts";
import type { Publisher } from "./publisher.ts";
import { StudioPreview } from "./studio-preview.tsx";

const METHODS: { value: PublishMethod; label: string; hint: string }[] = [
  { value: "browser", label: "This browser", hint: "Your camera and microphone, no software needed." },
  { value: "obs", label: "OBS (WHIP)", hint: "Scenes, overlays and capture cards: you get a server URL and key." },
];

export interface GoLivePreviewProps {
  publisher: Publisher;
  method: PublishMethod;
  onMethod: (method: PublishMethod) => void;
  streamId: string;
  thumbnailUrl: string | null;
  onThumbnailUploaded: (result: UploadResult) => void;
}

/** Step 2: how to stream; for the browser, the camera preview, devices, quality and a test readout. */
export function GoLivePreview(props: GoLivePreviewProps) {
  // The camera is on while the browser is chosen, and released for OBS.
  createEffect(
    on(
      () => props.method,
      (method) => {
        if (method === "browser") void props.publisher.startPreview();
        else void props.publisher.close();
      },
    ),
  );

  return (
    <div class="flex flex-col gap-6">
      <fieldset>
        <legend class="text-sm font-medium">How will you stream?</legend>
        <div class="mt-2 grid gap-3 sm:grid-cols-2">
          <For each={METHODS}>
            {(method) => (
              <label
                class="flex cursor-pointer gap-3 rounded-lg border p-3 text-sm has-[:checked]:border-red-500 has-[:checked]:bg-red-50 dark:has-[:checked]:bg-red-950/40"
                classList={{ "border-neutral-300 dark:border-neutral-700": props.method !== method.value }}
              >
                <input
                  type="radio"
                  name="publish-method"
                  value={method.value}
                  checked={props.method === method.value}
                  onChange={() => props.onMethod(method.value)}
                  class="mt-0.5"
                />
                <span>
                  <span class="block font-medium">{method.label}</span>
                  <span class="block text-neutral-600 dark:text-neutral-400">{method.hint}</span>
                </span>
              </label>
            )}
          </For>
        </div>
      </fieldset>

      <Show
        when={props.method === "browser"}
        fallback={
          <p class="text-sm text-neutral-600 dark:text-neutral-400">
            On the next step you get the WHIP server URL and bearer token to paste into OBS (Settings → Stream →
            Service: WHIP). OBS sends at the resolution of its own Settings → Video.
          </p>
        }
      >
        <StudioPreview publisher={props.publisher} live={false} />
        <SelectField
          name="quality"
          label="Quality"
          required
          value={props.publisher.quality()}
          onChange={(value) => {
            props.publisher.setQuality(value as StreamQuality).catch((error: unknown) => {
              console.warn("could not change the capture quality", error);
            });
          }}
          options={STREAM_QUALITIES.map((quality) => ({ value: quality, label: QUALITY_LABELS[quality] }))}
          hint="Starts from your default in creator settings."
        />
        <CaptureTest publisher={props.publisher} />
      </Show>

      <section aria-labelledby="thumbnail-heading" class="flex flex-col gap-2">
        <h3 id="thumbnail-heading" class="text-base font-semibold">
          Thumbnail
        </h3>
        <ImageUploader
          kind="thumbnail"
          streamId={props.streamId}
          aspect={16 / 9}
          label="Upload a thumbnail (16:9)"
          currentUrl={props.thumbnailUrl ?? undefined}
          onUploaded={(result) => props.onThumbnailUploaded(result)}
        />
      </section>
    </div>
  );
}

/** The test view: what the camera actually delivers at the chosen quality, read every second. */
function CaptureTest(props: { publisher: Publisher }) {
  const [readout, setReadout] = createSignal("The camera is off.");
  const read = () => {
    const track = props.publisher.camera();
    const settings = track?.mediaStreamTrack.getSettings();
    const camera =
      settings?.width && settings.height
        ? `Camera sends ${settings.width}×${settings.height}${settings.frameRate ? ` at ${Math.round(settings.frameRate)} fps` : ""}`
        : "The camera is off";
    const microphone = props.publisher.hasMicrophone()
      ? props.publisher.micOn()
        ? "microphone on"
        : "microphone muted"
      : "no microphone";
    setReadout(`${camera}; ${microphone}.`);
  };
  read();
  const timer = setInterval(read, 1_000);
  onCleanup(() => clearInterval(timer));

  return (
    <div class="rounded-lg border border-neutral-200 bg-neutral-50 p-3 text-sm dark:border-neutral-800 dark:bg-neutral-950">
      <h3 class="font-semibold">Test</h3>
      <p data-testid="capture-test" class="mt-1 tabular-nums">
        {readout()}
      </p>
      <p class="mt-1 text-xs text-neutral-500 dark:text-neutral-400">
        Only you see this preview; nothing is sent until you go live on the next step.
      </p>
    </div>
  );
}
