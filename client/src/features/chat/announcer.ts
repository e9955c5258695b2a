/** At most one announcement of new messages this often. */
export const ANNOUNCE_INTERVAL_MS = 2_000;

export interface AnnouncerDeps {
  now: () => number;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
  /** Writes the text into the polite live region. */
  announce: (text: string) => void;
}

/** "New message from Ana: hi" for one, "3 new messages" for several. */
export function summarise(count: number, last: { displayName: string; text: string } | null): string {
  if (count === 1 && last) return `New message from ${last.displayName}: ${last.text}`;
  return `${count} new messages`;
}

/**
 * Throttles screen-reader news of incoming messages: the first goes out at once, then whatever
 * arrives within the interval is summed into one announcement at its end.
 */
export function createAnnouncer(deps: AnnouncerDeps, intervalMs = ANNOUNCE_INTERVAL_MS) {
  let lastAt = -Infinity;
  let pending = 0;
  let last: { displayName: string; text: string } | null = null;
  let timer: unknown = null;

  const flush = () => {
    timer = null;
    if (pending === 0) return;
    deps.announce(summarise(pending, last));
    lastAt = deps.now();
    pending = 0;
    last = null;
  };

  return {
    /** Counts one incoming message (not one's own). */
    message(from: { displayName: string; text: string }) {
      pending++;
      last = from;
      if (timer !== null) return;
      const wait = lastAt + intervalMs - deps.now();
      if (wait <= 0) flush();
      else timer = deps.setTimer(flush, wait);
    },
    dispose() {
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
      pending = 0;
    },
  };
}
