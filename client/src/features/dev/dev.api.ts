import { outboxSchema } from "@contracts/auth.ts";
import { apiFetch, query } from "../../lib/api/core.ts";

/** The emails the Worker captured instead of sending (404 in production). */
export const listOutbox = (to: string | undefined, signal?: AbortSignal) =>
  apiFetch(`/api/dev/outbox${query({ to })}`, { schema: outboxSchema, signal });
