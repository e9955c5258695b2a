import { errorBodySchema } from "@contracts/errors.ts";
import { uploadResultSchema, type UploadKind, type UploadResult } from "@contracts/uploads.ts";
import { ApiError } from "../../lib/api/api-error.ts";
import { refreshSession } from "../../lib/api/core.ts";

export const UPLOAD_PATH = "/api/upload/thumbnail";

export interface UploadImageRequest {
  kind: UploadKind;
  streamId?: string;
  file: Blob;
  filename: string;
  /** 0–1 of the body sent. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * POST /api/upload/thumbnail by XMLHttpRequest, the one browser API that reports upload progress
 * (fetch does not). Answers and errors take the same shapes as apiFetch's; an expired access token
 * is refreshed once, like apiFetch does.
 */
export async function uploadImage(request: UploadImageRequest): Promise<UploadResult> {
  try {
    return await send(request);
  } catch (error) {
    const expired = error instanceof ApiError && (error.code === "TOKEN_EXPIRED" || error.code === "UNAUTHORIZED");
    if (!expired) throw error;
    await refreshSession();
    return send(request);
  }
}

function send(request: UploadImageRequest): Promise<UploadResult> {
  const body = new FormData();
  body.set("kind", request.kind);
  if (request.streamId) body.set("streamId", request.streamId);
  body.set("file", request.file, request.filename);

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", UPLOAD_PATH);
    xhr.setRequestHeader("accept", "application/json");
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) request.onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () =>
      reject(new ApiError(0, "NETWORK_ERROR", "Could not reach Tollgate. Check your connection and try again."));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled", "AbortError"));
    xhr.onload = () => {
      let payload: unknown;
      try {
        payload = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : undefined;
      } catch {
        payload = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = uploadResultSchema.safeParse(payload);
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiError(xhr.status, "INVALID_RESPONSE", "The server sent an unexpected response."));
        return;
      }
      const error = errorBodySchema.safeParse(payload);
      reject(
        error.success
          ? new ApiError(xhr.status, error.data.error.code, error.data.error.message, error.data.error.details)
          : new ApiError(xhr.status, "HTTP_ERROR", `The upload failed with status ${xhr.status}.`),
      );
    };
    request.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
