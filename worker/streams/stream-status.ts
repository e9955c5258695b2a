import type { StreamStatus } from "../../contracts/streams.ts";

/**
 * How a stream's status may move. LIVE and PAUSED follow LiveKit (the publisher's tracks);
 * ENDED is final: a new broadcast is a new stream. REMOVED (a takedown) is final too, and only
 * takeDownStream sets it.
 */
const ALLOWED: Record<StreamStatus, readonly StreamStatus[]> = {
  SCHEDULED: ["LIVE", "ENDED"],
  LIVE: ["PAUSED", "ENDED"],
  PAUSED: ["LIVE", "ENDED"],
  ENDED: [],
  REMOVED: [],
};

/** ENDED and REMOVED are final: nothing (LiveKit, the creator) moves a stream out of them. */
export function isFinalStatus(status: StreamStatus): boolean {
  return status === "ENDED" || status === "REMOVED";
}

export function canTransition(from: StreamStatus, to: StreamStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** The status LiveKit's room implies: a publisher with tracks means LIVE. */
export function statusFromRoom(current: StreamStatus, publisherHasTracks: boolean): StreamStatus {
  if (isFinalStatus(current)) return current;
  if (publisherHasTracks) return "LIVE";
  return current === "LIVE" ? "PAUSED" : current;
}
