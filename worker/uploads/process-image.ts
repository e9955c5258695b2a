import {
  MAX_IMAGE_PIXELS,
  MAX_IMAGE_SIDE,
  MAX_UPLOAD_BYTES,
  UPLOAD_KINDS_SPEC,
  variantHeight,
  type UploadImageType,
  type UploadKind,
} from "../../contracts/uploads.ts";
import { AppError } from "../platform/errors.ts";
import { decodeImage, encodeWebp } from "./codecs.ts";
import { centerCrop, cropAndResize, type Pixels } from "./resize-image.ts";
import { readImageDimensions, sniffImageType, type Dimensions } from "./sniff-image-type.ts";

export interface ImageVariant {
  width: number;
  height: number;
  webp: ArrayBuffer;
}

export interface ProcessedImage {
  /** SHA-256 of the uploaded bytes, hex: the same file always lands on the same keys. */
  hash: string;
  sourceType: UploadImageType;
  source: Dimensions;
  /** One WebP per width of the kind, smallest first. */
  variants: ImageVariant[];
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(0)} MB`;

/**
 * Checks an upload (size, format by magic bytes, dimensions from the header) before decoding it,
 * then centre-crops it to the kind's aspect and encodes a WebP at each of the kind's widths.
 */
export async function processImage(bytes: Uint8Array, kind: UploadKind): Promise<ProcessedImage> {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", 413, `The image is larger than ${megabytes(MAX_UPLOAD_BYTES)}`, {
      maxBytes: MAX_UPLOAD_BYTES,
    });
  }
  const type = sniffImageType(bytes);
  if (!type) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", 415, "Upload a JPEG, PNG or WebP image");
  }
  const size = readImageDimensions(type, bytes);
  if (!size) throw new AppError("INVALID_IMAGE", 422, "The image could not be read");
  checkDimensions(kind, size);

  let decoded: Pixels;
  try {
    decoded = await decodeImage(type, bytes.slice().buffer);
  } catch {
    throw new AppError("INVALID_IMAGE", 422, "The image could not be read");
  }
  if (decoded.width !== size.width || decoded.height !== size.height) {
    throw new AppError("INVALID_IMAGE", 422, "The image could not be read");
  }

  const spec = UPLOAD_KINDS_SPEC[kind];
  // Largest first, each size from the one before: the full-size image is read once.
  const widths = [...spec.widths].sort((a, b) => b - a);
  const scaled: Pixels[] = [];
  let from = decoded;
  let crop = centerCrop(decoded.width, decoded.height, spec.aspect);
  for (const width of widths) {
    const next = cropAndResize(from, crop, width, variantHeight(kind, width));
    scaled.push(next);
    from = next;
    crop = { x: 0, y: 0, width: next.width, height: next.height };
  }
  const variants: ImageVariant[] = [];
  for (const pixels of scaled.reverse()) {
    variants.push({ width: pixels.width, height: pixels.height, webp: await encodeWebp(pixels) });
  }
  return { hash: await sha256Hex(bytes), sourceType: type, source: size, variants };
}

/** 422 unless the kind's crop of the image is at least its minimum size, and the image not too large to decode. */
export function checkDimensions(kind: UploadKind, size: Dimensions): void {
  const spec = UPLOAD_KINDS_SPEC[kind];
  const dims = `${size.width}×${size.height}`;
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE || size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new AppError(
      "IMAGE_DIMENSIONS",
      422,
      `The image is ${dims}; at most ${MAX_IMAGE_SIDE} pixels a side and ${MAX_IMAGE_PIXELS / 1e6} megapixels`,
      { width: size.width, height: size.height, maxSide: MAX_IMAGE_SIDE, maxPixels: MAX_IMAGE_PIXELS },
    );
  }
  const crop = centerCrop(size.width, size.height, spec.aspect);
  if (crop.width < spec.minWidth || crop.height < spec.minHeight) {
    throw new AppError(
      "IMAGE_DIMENSIONS",
      422,
      `The image is ${dims}; ${spec.noun} needs at least ${spec.minWidth}×${spec.minHeight}` +
        (spec.aspect === 1 ? "" : " after cropping to 16:9"),
      { width: size.width, height: size.height, minWidth: spec.minWidth, minHeight: spec.minHeight },
    );
  }
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}
