import type { StreamDto, StreamStatus } from "@contracts/streams.ts";
import { displayCredits } from "../../lib/credits.ts";

/** 5_000 → "0:05", 754_000 → "12:34", 3_723_000 → "1:02:03". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/** How long a stream has been on air, from its start to its end (or now). */
export function streamElapsedMs(stream: Pick<StreamDto, "startedAt" | "endedAt">, now: number): number | null {
  if (!stream.startedAt) return null;
  const end = stream.endedAt ? Date.parse(stream.endedAt) : now;
  return Math.max(0, end - Date.parse(stream.startedAt));
}

/** "6.000" → "6 credits/min". */
export function rateLabel(ratePerMinute: string): string {
  const credits = displayCredits(ratePerMinute, { compact: true });
  return `${credits} ${credits === "1" ? "credit" : "credits"}/min`;
}

const viewerFormat = new Intl.NumberFormat(undefined);
export function viewersLabel(count: number): string {
  return `${viewerFormat.format(count)} ${count === 1 ? "viewer" : "viewers"}`;
}

/** The creator's stream still in progress (not ended), from a newest-first list. */
export function activeStream(streams: readonly StreamDto[]): StreamDto | null {
  return streams.find((stream) => stream.status !== "ENDED" && stream.status !== "REMOVED") ?? null;
}

export const STREAM_STATUS: Record<StreamStatus, { label: string; tone: "red" | "amber" | "neutral" | "blue" }> = {
  SCHEDULED: { label: "Not live yet", tone: "blue" },
  LIVE: { label: "Live", tone: "red" },
  PAUSED: { label: "Paused", tone: "amber" },
  ENDED: { label: "Ended", tone: "neutral" },
  REMOVED: { label: "Removed", tone: "neutral" },
};
