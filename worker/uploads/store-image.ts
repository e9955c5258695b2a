import { mediaKey, mediaUrl, UPLOAD_KINDS_SPEC, type UploadKind, type UploadResult } from "../../contracts/uploads.ts";
import type { ProcessedImage } from "./process-image.ts";

/** A key names its content (the source's hash), so a stored image never changes: cache it for a year. */
export const IMMUTABLE_CACHE = "public, max-age=31536000, immutable";

/** Puts each size in R2 under its content-addressed key; the URLs the stream or profile will point at. */
export async function storeImage(bucket: R2Bucket, kind: UploadKind, image: ProcessedImage): Promise<UploadResult> {
  await Promise.all(
    image.variants.map((v) =>
      bucket.put(mediaKey(kind, image.hash, v.width), v.webp, {
        httpMetadata: { contentType: "image/webp", cacheControl: IMMUTABLE_CACHE },
        customMetadata: { width: String(v.width), height: String(v.height) },
      }),
    ),
  );
  const sizes = image.variants.map((v) => ({ width: v.width, url: mediaUrl(mediaKey(kind, image.hash, v.width)) }));
  return { url: mediaUrl(mediaKey(kind, image.hash, UPLOAD_KINDS_SPEC[kind].defaultWidth)), sizes };
}
