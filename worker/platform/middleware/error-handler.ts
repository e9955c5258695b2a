import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ConfigError } from "../env.ts";
import { AppError, type ErrorBody, type ErrorCode } from "../errors.ts";
import { createLogger } from "../logger.ts";
import type { AppEnv } from "../types.ts";

function body(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

const DB_UNAVAILABLE = /ECONNREFUSED|connect|WebSocket|Connection terminated|socket hang up|timeout exceeded/i;

/** The one place an error becomes an HTTP response. Never a stack trace to the client. */
export const errorHandler: ErrorHandler<AppEnv> = (err, c) => {
  const logger = c.get("logger") ?? createLogger({ requestId: c.get("requestId") });
  if (err instanceof AppError) {
    if (err.headers) for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
    if (err.status >= 500) logger.error(err.message, { code: err.code, error: err });
    return c.json(body(err.code, err.message, err.details), err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    if (status === 400 && /json/i.test(err.message)) {
      return c.json(body("MALFORMED_JSON", "The request body is not valid JSON"), 400);
    }
    return c.json(body(httpCode(status), err.message || "Request failed"), status);
  }
  if (err instanceof ConfigError) {
    logger.error("configuration error", { issues: err.issues });
    return c.json(body("MISCONFIGURED", "The server is misconfigured"), 500);
  }
  if (isDatabaseUnavailable(err)) {
    logger.error("database unavailable", { error: err });
    return c.json(body("SERVICE_UNAVAILABLE", "The database is unavailable, try again shortly"), 503);
  }
  logger.error("unhandled error", { error: err });
  return c.json(body("INTERNAL", "Something went wrong"), 500);
};

export const notFoundHandler: NotFoundHandler<AppEnv> = (c: Context<AppEnv>) =>
  c.json(body("NOT_FOUND", `No route for ${c.req.method} ${c.req.path}`), 404);

function isDatabaseUnavailable(err: Error): boolean {
  const cause = err.cause instanceof Error ? err.cause.message : "";
  return DB_UNAVAILABLE.test(err.message) || DB_UNAVAILABLE.test(cause);
}

function httpCode(status: number): ErrorCode {
  switch (status) {
    case 400:
      return "BAD_REQUEST";
    case 401:
      return "UNAUTHORIZED";
    case 403:
      return "FORBIDDEN";
    case 404:
      return "NOT_FOUND";
    case 413:
      return "PAYLOAD_TOO_LARGE";
    case 415:
      return "UNSUPPORTED_MEDIA_TYPE";
    case 429:
      return "RATE_LIMITED";
    default:
      return status >= 500 ? "INTERNAL" : "REQUEST_FAILED";
  }
}
