import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { MAX_UPLOAD_BYTES, uploadFieldsSchema, type UploadFields } from "../../contracts/uploads.ts";
import { currentUser, requireAuth } from "../auth/index.ts";
import { AppError } from "../platform/errors.ts";
import { enforceRateLimits, LIMITS } from "../platform/rate-limit.ts";
import type { AppEnv } from "../platform/types.ts";
import { uploadImage } from "./upload-image.ts";

/** The file plus the multipart framing and the other fields. */
export const UPLOAD_BODY_LIMIT = MAX_UPLOAD_BYTES + 64 * 1024;

const tooLarge = () =>
  new AppError("PAYLOAD_TOO_LARGE", 413, `The image is larger than ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB`, {
    maxBytes: MAX_UPLOAD_BYTES,
  });

/** The multipart body's `file` and its fields; 400 when it is not multipart or has no file. */
async function readUpload(c: Context<AppEnv>): Promise<{ file: File; fields: UploadFields }> {
  if (!c.req.header("content-type")?.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError("BAD_REQUEST", 400, "Send the image as multipart/form-data with a `file` field");
  }
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch {
    throw new AppError("BAD_REQUEST", 400, "The multipart body could not be read");
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) {
    throw new AppError("BAD_REQUEST", 400, "Attach the image as the `file` field");
  }
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  const fields = uploadFieldsSchema.safeParse({ kind: field("kind"), streamId: field("streamId") });
  if (!fields.success) {
    throw new AppError(
      "VALIDATION_FAILED",
      400,
      "The request is invalid",
      fields.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  }
  return { file, fields: fields.data };
}

/** /api/upload: images for stream thumbnails and avatars (multipart, up to 5 MB, its own body limit). */
export const uploadsRoutes = new Hono<AppEnv>().post(
  "/thumbnail",
  requireAuth(),
  bodyLimit({
    maxSize: UPLOAD_BODY_LIMIT,
    onError: () => {
      throw tooLarge();
    },
  }),
  async (c) => {
    const user = currentUser(c);
    await enforceRateLimits(c, [[`upload:account:${user.id}`, LIMITS.uploadAccount]]);
    const { file, fields } = await readUpload(c);
    if (file.size > MAX_UPLOAD_BYTES) throw tooLarge();
    const result = await uploadImage(
      c.var.db,
      { ...fields, user, bytes: new Uint8Array(await file.arrayBuffer()) },
      { bucket: c.env.MEDIA },
    );
    c.header("cache-control", "no-store");
    return c.json(result, 201);
  },
);
