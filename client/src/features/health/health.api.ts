import { healthSchema } from "@contracts/health.ts";
import { apiFetch } from "../../lib/api/core.ts";

/** Which services the server has (LiveKit may be `not_configured`). A 503 means the database is down. */
export const getHealth = (signal?: AbortSignal) => apiFetch("/api/health", { schema: healthSchema, signal });
