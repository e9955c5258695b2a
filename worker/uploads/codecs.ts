// The image codecs, WebAssembly from jSquash (Squoosh's libwebp, MozJPEG and the png crate). Workers
// cannot compile WebAssembly from bytes at run time, so each .wasm is imported as a module (wrangler
// and the vitest pool compile it at build time) and handed to the codec's init.
import decodeJpegWasm, { init as initJpegDecode } from "@jsquash/jpeg/decode.js";
import { decode as decodePngWasm, init as initPngDecode } from "@jsquash/png/decode.js";
import decodeWebpWasm, { init as initWebpDecode } from "@jsquash/webp/decode.js";
import encodeWebpWasm, { init as initWebpEncode } from "@jsquash/webp/encode.js";
import JPEG_DEC from "@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm";
import PNG_DEC from "@jsquash/png/codec/pkg/squoosh_png_bg.wasm?module";
import WEBP_DEC from "@jsquash/webp/codec/dec/webp_dec.wasm";
import WEBP_ENC_SIMD from "@jsquash/webp/codec/enc/webp_enc_simd.wasm";
import type { UploadImageType } from "../../contracts/uploads.ts";
import type { Pixels } from "./resize-image.ts";

let ready: Promise<unknown> | undefined;

/** Emscripten's hook for bringing its own module: instantiate the one compiled at build time. */
const instantiate = (module: WebAssembly.Module) => ({
  instantiateWasm: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void) => {
    const instance = new WebAssembly.Instance(module, imports);
    done(instance);
    return instance.exports;
  },
});

/** Instantiates the codecs once per isolate. */
function initCodecs(): Promise<unknown> {
  ready ??= Promise.all([
    initJpegDecode(instantiate(JPEG_DEC)),
    initPngDecode(PNG_DEC),
    initWebpDecode(instantiate(WEBP_DEC)),
    initWebpEncode(instantiate(WEBP_ENC_SIMD)),
  ]).catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

/** Throws whatever the codec throws on a broken file. */
export async function decodeImage(type: UploadImageType, bytes: ArrayBuffer): Promise<Pixels> {
  await initCodecs();
  const image =
    type === "image/jpeg"
      ? await decodeJpegWasm(bytes)
      : type === "image/png"
        ? await decodePngWasm(bytes)
        : await decodeWebpWasm(bytes);
  return { data: image.data, width: image.width, height: image.height };
}

/** Lossy WebP at quality 80 (Squoosh's default), alpha kept. */
export async function encodeWebp(pixels: Pixels): Promise<ArrayBuffer> {
  await initCodecs();
  return encodeWebpWasm({ ...pixels, colorSpace: "srgb" }, { quality: 80 });
}
