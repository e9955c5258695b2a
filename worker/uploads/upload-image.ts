import type { UploadKind, UploadResult } from "../../contracts/uploads.ts";
import { hasAccess } from "../auth/index.ts";
import type { Db } from "../platform/db/client.ts";
import { AppError } from "../platform/errors.ts";
import type { AuthUser } from "../platform/types.ts";
import { findOwnStream, setStreamThumbnail } from "../streams/index.ts";
import { setAvatarUrl } from "../users/index.ts";
import { processImage } from "./process-image.ts";
import { storeImage } from "./store-image.ts";

export interface UploadImageInput {
  kind: UploadKind;
  /** The stream a thumbnail is for (its creator's, or any for an admin). */
  streamId?: string;
  user: Pick<AuthUser, "id" | "role">;
  bytes: Uint8Array;
}

/**
 * Checks, converts and stores an image, then points the stream (thumbnail) or the caller's profile
 * (avatar) at it. The stream's owner is checked before the image is decoded, and again in the update.
 */
export async function uploadImage(db: Db, input: UploadImageInput, deps: { bucket: R2Bucket }): Promise<UploadResult> {
  const isAdmin = hasAccess(input.user.role, "admin");
  let streamId: string | undefined;
  if (input.kind === "thumbnail") {
    if (!input.streamId) throw new AppError("VALIDATION_FAILED", 400, "A thumbnail needs the stream's id");
    streamId = (await findOwnStream(db, { streamId: input.streamId, userId: input.user.id, isAdmin })).id;
  }
  const image = await processImage(input.bytes, input.kind);
  const result = await storeImage(deps.bucket, input.kind, image);
  if (streamId) await setStreamThumbnail(db, { streamId, userId: input.user.id, isAdmin, url: result.url });
  else await setAvatarUrl(db, { userId: input.user.id, url: result.url });
  return result;
}
