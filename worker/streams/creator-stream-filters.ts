import type { CreatorStreamsQuery } from "../../contracts/creator-streams.ts";
import type { StreamStatus } from "../../contracts/streams.ts";

const DAY_MS = 86_400_000;

/** The statuses a stream manager filter shows: live means on air (paused too), ended means over (a takedown too). */
export function statusesFor(filter: CreatorStreamsQuery["status"]): readonly StreamStatus[] | undefined {
  switch (filter) {
    case "LIVE":
      return ["LIVE", "PAUSED"];
    case "SCHEDULED":
      return ["SCHEDULED"];
    case "ENDED":
      return ["ENDED", "REMOVED"];
    case "all":
      return undefined;
  }
}

/** UTC days, both included, as [from, to) instants; either end may be open. */
export function dayBounds(input: { from?: string | undefined; to?: string | undefined }): {
  from: Date | undefined;
  to: Date | undefined;
} {
  return {
    from: input.from ? new Date(`${input.from}T00:00:00.000Z`) : undefined,
    to: input.to ? new Date(Date.parse(`${input.to}T00:00:00.000Z`) + DAY_MS) : undefined,
  };
}

/** Seconds on air: to the end, or to `now` while live or paused; null if it never went live. */
export function durationSeconds(
  stream: { status: StreamStatus; startedAt: Date | null; endedAt: Date | null },
  now: Date,
): number | null {
  if (!stream.startedAt) return null;
  const onAir = stream.status === "LIVE" || stream.status === "PAUSED";
  const end = stream.endedAt ?? (onAir ? now : null);
  if (!end) return null;
  return Math.max(0, Math.floor((end.getTime() - stream.startedAt.getTime()) / 1000));
}
