import type { UploadImageType } from "../../contracts/uploads.ts";

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");

/**
 * The image format by its magic bytes, whatever the file's name or declared type: JPEG (FF D8 FF),
 * PNG (its 8-byte signature) or WebP (RIFF….WEBP); null for anything else (GIF, SVG, HTML…).
 */
export function sniffImageType(bytes: Uint8Array): UploadImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return "image/webp";
  return null;
}

export interface Dimensions {
  width: number;
  height: number;
}

/**
 * Width and height from the file's header, without decoding it (so a 50,000-pixel-wide image is
 * refused before it is decoded); null when the header is missing or cut short.
 */
export function readImageDimensions(type: UploadImageType, bytes: Uint8Array): Dimensions | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (type) {
    case "image/png":
      return pngDimensions(bytes, view);
    case "image/webp":
      return webpDimensions(bytes, view);
    case "image/jpeg":
      return jpegDimensions(bytes, view);
  }
}

const valid = (d: Dimensions): Dimensions | null => (d.width > 0 && d.height > 0 ? d : null);

/** IHDR is the first chunk: width and height as big-endian 32-bit at offsets 16 and 20. */
function pngDimensions(bytes: Uint8Array, view: DataView): Dimensions | null {
  if (bytes.length < 24 || !startsWith(bytes, ascii("IHDR"), 12)) return null;
  return valid({ width: view.getUint32(16), height: view.getUint32(20) });
}

function webpDimensions(bytes: Uint8Array, view: DataView): Dimensions | null {
  if (bytes.length < 30) return null;
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  const uint24 = (at: number) => view.getUint16(at, true) | ((bytes[at + 2] ?? 0) << 16);
  if (chunk === "VP8X") return valid({ width: uint24(24) + 1, height: uint24(27) + 1 });
  if (chunk === "VP8 ") {
    // A key frame: start code 9D 01 2A, then 14-bit width and height (2 bits of scaling above each).
    if (!startsWith(bytes, [0x9d, 0x01, 0x2a], 23)) return null;
    return valid({ width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff });
  }
  if (chunk === "VP8L") {
    if (bytes[20] !== 0x2f) return null;
    const bits = view.getUint32(21, true);
    return valid({ width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 });
  }
  return null;
}

/** Walks the JPEG markers to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegDimensions(bytes: Uint8Array, view: DataView): Dimensions | null {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    // Fill bytes and standalone markers carry no length.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null;
    const length = view.getUint16(at + 2);
    if (length < 2) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (at + 9 > bytes.length) return null;
      return valid({ width: view.getUint16(at + 7), height: view.getUint16(at + 5) });
    }
    at += 2 + length;
  }
  return null;
}
