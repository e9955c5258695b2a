import { meterResultSchema, viewingSessionSchema, type MeterTickInput } from "@contracts/metering.ts";
import { apiFetch, noContentSchema, post, segment } from "../../lib/api/core.ts";

/** A paid viewing session and its subscribe-only LiveKit token (402 without the credits to start). */
export const startViewingSession = (streamId: string) =>
  post(`/api/streams/${segment(streamId)}/session`, viewingSessionSchema);

/** Books one interval of a session. */
export const sendMeterTick = (tick: MeterTickInput, signal?: AbortSignal) =>
  apiFetch("/api/meter", { method: "POST", body: tick, schema: meterResultSchema, signal });

/** The viewer leaves; keepalive, so it still goes out while the tab closes. */
export const leaveViewingSession = (streamId: string, sessionId: string) =>
  apiFetch(`/api/streams/${segment(streamId)}/session/${segment(sessionId)}`, {
    method: "DELETE",
    schema: noContentSchema,
    keepalive: true,
  });
