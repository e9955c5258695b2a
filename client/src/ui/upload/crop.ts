import { MAX_UPLOAD_BYTES, UPLOAD_IMAGE_TYPES, UPLOAD_KINDS_SPEC, type UploadKind } from "@contracts/uploads.ts";

export interface CropRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the crop sits: its centre in source pixels, and how far it is zoomed in (1 = as large as fits). */
export interface CropView {
  centerX: number;
  centerY: number;
  zoom: number;
}

/** The crop of a `width` × `height` image at this aspect and view, kept inside the image. */
export function cropRect(width: number, height: number, aspect: number, view: CropView): CropRect {
  const fitWidth = Math.min(width, height * aspect);
  const cropWidth = fitWidth / Math.max(view.zoom, 1);
  const cropHeight = cropWidth / aspect;
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
  const centerX = clamp(view.centerX, cropWidth / 2, width - cropWidth / 2);
  const centerY = clamp(view.centerY, cropHeight / 2, height - cropHeight / 2);
  return { x: centerX - cropWidth / 2, y: centerY - cropHeight / 2, width: cropWidth, height: cropHeight };
}

/** The most a user may zoom in and still send at least the kind's minimum size (at most 4×). */
export function maxZoom(kind: UploadKind, width: number, height: number): number {
  const spec = UPLOAD_KINDS_SPEC[kind];
  const fitWidth = Math.min(width, height * spec.aspect);
  return Math.max(1, Math.min(4, fitWidth / spec.minWidth, fitWidth / spec.aspect / spec.minHeight));
}

/** The size to send the crop at: its own size, but no wider than the largest size the server keeps. */
export function outputSize(kind: UploadKind, crop: CropRect): { width: number; height: number } {
  const spec = UPLOAD_KINDS_SPEC[kind];
  const largest = Math.max(...spec.widths);
  const width = Math.max(spec.minWidth, Math.min(largest, Math.round(crop.width)));
  return { width, height: Math.round(width / spec.aspect) };
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
const TYPE_NAMES = "a JPEG, PNG or WebP image";

/** A message for a file the server would refuse by its declared type or size; null when it may go. */
export function checkImageFile(file: { type: string; size: number; name: string }): string | null {
  if (!(UPLOAD_IMAGE_TYPES as readonly string[]).includes(file.type)) {
    const what = file.type ? `a ${file.type} file` : "not an image we recognise";
    return `“${file.name}” is ${what}. Choose ${TYPE_NAMES}.`;
  }
  if (file.size > MAX_UPLOAD_BYTES) {
    return `“${file.name}” is ${megabytes(file.size)}; the limit is ${megabytes(MAX_UPLOAD_BYTES)}.`;
  }
  return null;
}

/** A message when an image is too small for the kind; null when it is large enough. */
export function checkImageSize(kind: UploadKind, width: number, height: number): string | null {
  const spec = UPLOAD_KINDS_SPEC[kind];
  const fitWidth = Math.min(width, height * spec.aspect);
  if (Math.floor(fitWidth) >= spec.minWidth && Math.floor(fitWidth / spec.aspect) >= spec.minHeight) return null;
  return `That image is ${width}×${height}; ${spec.noun} needs at least ${spec.minWidth}×${spec.minHeight}${
    spec.aspect === 1 ? "" : " after cropping to 16:9"
  }.`;
}
