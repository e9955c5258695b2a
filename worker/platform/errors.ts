import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ErrorCode } from "../../contracts/errors.ts";

export type { ErrorBody, ErrorCode } from "../../contracts/errors.ts";

/** The one error type of the API. onError maps it to `{ error: { code, message, details? } }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: ContentfulStatusCode;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;

  // Plain fields, not parameter properties: scripts load this file with Node's type stripping.
  constructor(
    code: ErrorCode,
    status: ContentfulStatusCode,
    message: string,
    details?: unknown,
    headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = status;
    this.details = details;
    if (headers) this.headers = headers;
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", 404, `${what} not found`);
export const unauthorized = (message = "Sign in to continue") => new AppError("UNAUTHORIZED", 401, message);
export const forbidden = (message = "You do not have permission to do this") => new AppError("FORBIDDEN", 403, message);
export const badRequest = (code: ErrorCode, message: string, details?: unknown) =>
  new AppError(code, 400, message, details);
export const conflict = (code: ErrorCode, message: string) => new AppError(code, 409, message);
