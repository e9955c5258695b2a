import { z } from "zod";
import { UPLOAD_KINDS } from "./upload-urls.ts";

// The kinds, their sizes and the /media/ URL convention live in upload-urls.ts (no zod: the stream
// cards on the home page use them); this file adds the limits and the request and response schemas.
export * from "./upload-urls.ts";

export const uploadKindSchema = z.enum(UPLOAD_KINDS);

/** The formats accepted, recognised by their magic bytes (the name and the declared type are not trusted). */
export const UPLOAD_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type UploadImageType = (typeof UPLOAD_IMAGE_TYPES)[number];

/** 5 MB: the largest file accepted. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Longest side a source image may have. */
export const MAX_IMAGE_SIDE = 4096;
/**
 * At most 4096 × 3072 pixels (a 12-megapixel phone photo fits): decoding takes 4 bytes a pixel
 * of the Worker's 128 MB, twice over while it is copied out of the decoder.
 */
export const MAX_IMAGE_PIXELS = 4096 * 3072;

/** Form fields of POST /api/upload/thumbnail (multipart): `file` is read separately. */
export const uploadFieldsSchema = z
  .object({
    kind: uploadKindSchema,
    streamId: z.uuid("The stream id must be a UUID").optional(),
  })
  .refine((v) => v.kind !== "thumbnail" || v.streamId !== undefined, {
    message: "A thumbnail needs the streamId of the stream it belongs to",
    path: ["streamId"],
  });
export type UploadFields = z.infer<typeof uploadFieldsSchema>;

/** The answer of POST /api/upload/thumbnail. */
export const uploadResultSchema = z.object({
  /** The URL now stored on the stream (thumbnail) or the caller's profile (avatar). */
  url: z.string(),
  sizes: z.array(z.object({ width: z.number().int().positive(), url: z.string() })),
});
export type UploadResult = z.infer<typeof uploadResultSchema>;
