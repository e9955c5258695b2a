import type { StreamStatus } from "../../contracts/streams.ts";

/**
 * How a stream's status may move. LIVE and PAUSED follow LiveKit (the publisher's tracks);
 * ENDED is final: a new broadcast is a new stream.
 */
const ALLOWED: Record<StreamStatus, readonly StreamStatus[]> = {
  SCHEDULED: ["LIVE", "ENDED"],
  LIVE: ["PAUSED", "ENDED"],
  PAUSED: ["LIVE", "ENDED"],
  ENDED: [],
};

export function canTransition(from: StreamStatus, to: StreamStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** The status LiveKit's room implies: a publisher with tracks means LIVE. */
export function statusFromRoom(current: StreamStatus, publisherHasTracks: boolean): StreamStatus {
  if (current === "ENDED") return "ENDED";
  if (publisherHasTracks) return "LIVE";
  return current === "LIVE" ? "PAUSED" : current;
}
