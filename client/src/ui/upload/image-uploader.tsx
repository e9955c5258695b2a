import { createSignal, createUniqueId, onCleanup, Show } from "solid-js";
import { imageSrcset, UPLOAD_KINDS_SPEC, type UploadKind, type UploadResult } from "@contracts/uploads.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { checkImageFile, checkImageSize, cropRect, maxZoom, outputSize, type CropView } from "./crop.ts";
import { uploadImage } from "./upload-image.ts";

export interface ImageUploaderProps {
  kind: UploadKind;
  /** The stream a thumbnail belongs to (required for kind="thumbnail"). */
  streamId?: string;
  /** Width over height of the crop: 16 / 9 for thumbnails, 1 for avatars. */
  aspect: number;
  label: string;
  currentUrl?: string;
  onUploaded: (result: UploadResult) => void;
}

interface Source {
  bitmap: ImageBitmap;
  name: string;
}

/** The preview canvas's own pixels (CSS scales it to the column). */
const PREVIEW_WIDTH = 640;

const buttonClass =
  "rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-neutral-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none disabled:opacity-60 dark:border-neutral-700 dark:bg-neutral-900 dark:hover:bg-neutral-800";
const primaryClass =
  "rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 focus-visible:outline-none disabled:cursor-wait disabled:opacity-70 dark:bg-indigo-500 dark:hover:bg-indigo-400";

/**
 * Pick or drop an image, move and zoom it inside a crop of the given aspect, and upload the crop with a
 * progress bar. Type, size and dimensions are checked here first for a quick, clear message; the server
 * checks them again. The crop is drawn from an ImageBitmap, so the preview needs no blob: URL (the CSP
 * allows none) and follows the photo's EXIF orientation.
 */
export function ImageUploader(props: ImageUploaderProps) {
  const id = createUniqueId();
  const spec = () => UPLOAD_KINDS_SPEC[props.kind];
  const [source, setSource] = createSignal<Source | null>(null);
  const [view, setView] = createSignal<CropView>({ centerX: 0, centerY: 0, zoom: 1 });
  /** Percent sent; stays at 100 after a finished upload until the next image is chosen. */
  const [progress, setProgress] = createSignal<number | null>(null);
  const [uploading, setUploading] = createSignal(false);
  const [error, setError] = createSignal("");
  const [status, setStatus] = createSignal("");
  const [uploadedUrl, setUploadedUrl] = createSignal<string | undefined>();
  const [dragging, setDragging] = createSignal(false);
  let input: HTMLInputElement | undefined;
  let canvas: HTMLCanvasElement | undefined;
  let aborter: AbortController | undefined;

  onCleanup(() => {
    aborter?.abort();
    source()?.bitmap.close();
  });

  const shownUrl = () => uploadedUrl() ?? props.currentUrl;
  const previewHeight = () => Math.round(PREVIEW_WIDTH / props.aspect);

  const crop = () => {
    const s = source();
    return s ? cropRect(s.bitmap.width, s.bitmap.height, props.aspect, view()) : null;
  };

  function draw() {
    const s = source();
    const rect = crop();
    const ctx = canvas?.getContext("2d");
    if (!s || !rect || !ctx || !canvas) return;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(s.bitmap, rect.x, rect.y, rect.width, rect.height, 0, 0, canvas.width, canvas.height);
  }

  function updateView(next: Partial<CropView>) {
    const s = source();
    if (!s) return;
    const merged = { ...view(), ...next };
    // Store the clamped centre, so dragging back from past an edge moves at once.
    const rect = cropRect(s.bitmap.width, s.bitmap.height, props.aspect, merged);
    setView({ zoom: merged.zoom, centerX: rect.x + rect.width / 2, centerY: rect.y + rect.height / 2 });
    draw();
  }

  async function choose(file: File | undefined) {
    setError("");
    setStatus("");
    setProgress(null);
    if (!file) return;
    const problem = checkImageFile(file);
    if (problem) return setError(problem);
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(file);
    } catch {
      return setError(`“${file.name}” could not be read as an image. Choose a JPEG, PNG or WebP image.`);
    }
    const tooSmall = checkImageSize(props.kind, bitmap.width, bitmap.height);
    if (tooSmall) {
      bitmap.close();
      return setError(tooSmall);
    }
    source()?.bitmap.close();
    setSource({ bitmap, name: file.name });
    setView({ centerX: bitmap.width / 2, centerY: bitmap.height / 2, zoom: 1 });
    setStatus("Drag the image or use the arrow keys to choose what shows, then upload.");
    queueMicrotask(draw);
  }

  function cancel() {
    aborter?.abort();
    source()?.bitmap.close();
    setSource(null);
    setProgress(null);
    setStatus("");
    if (input) input.value = "";
  }

  async function upload() {
    const s = source();
    const rect = crop();
    if (!s || !rect) return;
    setError("");
    const size = outputSize(props.kind, rect);
    const out = document.createElement("canvas");
    out.width = size.width;
    out.height = size.height;
    const ctx = out.getContext("2d");
    if (!ctx) return setError("This browser cannot prepare the image.");
    ctx.imageSmoothingQuality = "high";
    ctx.drawImage(s.bitmap, rect.x, rect.y, rect.width, rect.height, 0, 0, size.width, size.height);
    // WebP where the browser can encode it (it falls back to PNG where it cannot).
    const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, "image/webp", 0.9));
    if (!blob) return setError("This browser cannot prepare the image.");
    const ext = blob.type === "image/webp" ? "webp" : "png";

    aborter = new AbortController();
    setUploading(true);
    setProgress(0);
    setStatus("Uploading…");
    try {
      const result = await uploadImage({
        kind: props.kind,
        streamId: props.streamId,
        file: blob,
        filename: `${props.kind}.${ext}`,
        onProgress: (fraction) => setProgress(Math.min(99, Math.round(fraction * 100))),
        signal: aborter.signal,
      });
      setProgress(100);
      setUploadedUrl(result.url);
      s.bitmap.close();
      setSource(null);
      setStatus(`${props.label} uploaded.`);
      props.onUploaded(result);
    } catch (e) {
      setProgress(null);
      if (e instanceof DOMException && e.name === "AbortError") return;
      setError(errorMessage(e));
      setStatus("");
    } finally {
      setUploading(false);
      if (input) input.value = "";
    }
  }

  // Dragging the preview moves the image under the crop; arrow keys do the same in steps.
  let drag: { x: number; y: number; view: CropView } | null = null;
  function onPointerDown(e: PointerEvent) {
    if (!canvas) return;
    canvas.setPointerCapture(e.pointerId);
    drag = { x: e.clientX, y: e.clientY, view: view() };
  }
  function onPointerMove(e: PointerEvent) {
    const rect = crop();
    if (!drag || !canvas || !rect) return;
    const scale = rect.width / canvas.getBoundingClientRect().width;
    updateView({
      centerX: drag.view.centerX - (e.clientX - drag.x) * scale,
      centerY: drag.view.centerY - (e.clientY - drag.y) * scale,
    });
  }
  function onKeyDown(e: KeyboardEvent) {
    const rect = crop();
    if (!rect) return;
    const step = rect.width * 0.05;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    updateView({ centerX: view().centerX + move[0], centerY: view().centerY + move[1] });
  }

  const zoomLimit = () => {
    const s = source();
    return s ? maxZoom(props.kind, s.bitmap.width, s.bitmap.height) : 1;
  };

  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid={`image-uploader-${props.kind}`}
      class="space-y-3 rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
    >
      <h3 id={`${id}-title`} class="font-semibold">
        {props.label}
      </h3>

      <Show
        when={source()}
        fallback={
          <div
            data-testid="image-dropzone"
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              void choose(e.dataTransfer?.files[0]);
            }}
            classList={{ "border-indigo-500 bg-indigo-50 dark:bg-indigo-950/40": dragging() }}
            class="flex flex-col items-center gap-3 rounded-md border-2 border-dashed border-neutral-300 p-4 text-center text-sm dark:border-neutral-700"
          >
            <Show when={shownUrl()}>
              {(url) => (
                <img
                  src={url()}
                  srcset={imageSrcset(url())}
                  sizes="(min-width: 640px) 320px, 100vw"
                  alt={`Current ${props.kind}`}
                  data-testid="image-uploader-current"
                  class="max-h-40 rounded object-cover"
                  style={{ "aspect-ratio": String(props.aspect) }}
                />
              )}
            </Show>
            <p>Drag an image here, or</p>
            <button type="button" class={buttonClass} onClick={() => input?.click()} aria-describedby={`${id}-hint`}>
              Choose an image…
            </button>
            <p id={`${id}-hint`} class="text-xs text-neutral-500 dark:text-neutral-400">
              JPEG, PNG or WebP, up to 5 MB, at least {spec().minWidth}×{spec().minHeight} pixels.
            </p>
          </div>
        }
      >
        {(s) => (
          <div class="space-y-3">
            <canvas
              ref={(el) => {
                canvas = el;
                queueMicrotask(draw);
              }}
              width={PREVIEW_WIDTH}
              height={previewHeight()}
              tabindex="0"
              role="img"
              aria-label={`Crop of ${s().name}: drag, or use the arrow keys, to move the image`}
              data-testid="image-uploader-crop"
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={() => (drag = null)}
              onPointerCancel={() => (drag = null)}
              onKeyDown={onKeyDown}
              class="w-full max-w-md cursor-move touch-none rounded bg-neutral-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:bg-neutral-800"
              classList={{ "rounded-full": props.aspect === 1 }}
            />
            <Show when={zoomLimit() > 1}>
              <label class="flex max-w-md items-center gap-2 text-sm">
                Zoom
                <input
                  type="range"
                  min="1"
                  max={zoomLimit()}
                  step="0.01"
                  value={view().zoom}
                  onInput={(e) => updateView({ zoom: Number(e.currentTarget.value) })}
                  disabled={uploading()}
                  class="flex-1"
                />
              </label>
            </Show>
            <div class="flex flex-wrap gap-2">
              <button type="button" class={primaryClass} onClick={() => void upload()} disabled={uploading()}>
                {uploading() ? "Uploading…" : `Upload ${props.kind}`}
              </button>
              <button type="button" class={buttonClass} onClick={cancel}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </Show>

      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        class="sr-only"
        tabindex="-1"
        aria-label={`${props.label}: image file`}
        data-testid="image-uploader-input"
        onChange={(e) => void choose(e.currentTarget.files?.[0])}
      />

      <Show when={progress() !== null}>
        <div
          role="progressbar"
          aria-label="Upload progress"
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow={progress() ?? 0}
          aria-valuetext={progress() === 100 ? "Upload complete" : `${progress() ?? 0}%`}
          data-testid="image-uploader-progress"
          class="h-2 max-w-md overflow-hidden rounded bg-neutral-200 dark:bg-neutral-800"
        >
          <div class="h-full bg-indigo-600 transition-[width]" style={{ width: `${progress() ?? 0}%` }} />
        </div>
      </Show>
      <p role="status" aria-live="polite" class="text-sm text-neutral-600 dark:text-neutral-400">
        {status()}
      </p>
      <p
        role="alert"
        aria-live="assertive"
        data-testid="image-uploader-error"
        class="text-sm text-red-700 dark:text-red-300"
      >
        {error()}
      </p>
    </section>
  );
}
