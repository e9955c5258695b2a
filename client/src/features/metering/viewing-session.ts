import { batch, createSignal, onCleanup, type Accessor } from "solid-js";
import type { MeterResultDto, MeterTickInput, SessionEndReason, ViewingSessionDto } from "@contracts/metering.ts";
import { ApiError } from "../../lib/api/api-error.ts";
import { leaveViewingSession, sendMeterTick, startViewingSession } from "./metering.api.ts";
import {
  createMeteringLoop,
  systemClock,
  type Clock,
  type MeteringLoop,
  type MeteringStatus,
  type MeteringStop,
} from "./metering-loop.ts";
import { classifyTickError } from "./tick-failure.ts";

export type ViewingPhase =
  | { kind: "idle" }
  | { kind: "starting" }
  | { kind: "watching"; session: ViewingSessionDto }
  /** 402: at the start (not enough to begin) or on a tick (the credits ran out). */
  | { kind: "exhausted"; needed: string | null; balance: string | null }
  /** The server ended the session; `removed` when the room dropped us first. */
  | { kind: "ended"; reason: SessionEndReason | null; removed: boolean; wasHidden: boolean }
  /** The session could not start (stream not live, no LiveKit, network…) or metering broke. */
  | { kind: "failed"; error: unknown };

export interface ViewingSession {
  phase: Accessor<ViewingPhase>;
  /** The balance as the last answer gave it (session start or booked tick). */
  remainingCredits: Accessor<string | null>;
  /** What the last booked interval cost. */
  lastDebit: Accessor<string | null>;
  meterStatus: Accessor<MeteringStatus | null>;
  /** When the next debit is due (epoch ms), null while not counting. */
  nextTickAt: Accessor<number | null>;
  /** The tab is visible: the page receives video only then. */
  visible: Accessor<boolean>;
  start: (streamId: string) => Promise<ViewingSessionDto | null>;
  /** Frames are advancing: feeds the playback the next tick reports. */
  setPlaying: (playing: boolean) => void;
  /** The room dropped us (LiveKit PARTICIPANT_REMOVED): ask the server why, then end. */
  removedFromRoom: () => Promise<void>;
  /** Stop watching: no more ticks, DELETE the session (keepalive). */
  leave: () => void;
}

export interface ViewingSessionDeps {
  startSession: (streamId: string) => Promise<ViewingSessionDto>;
  sendTick: (tick: MeterTickInput, signal: AbortSignal) => Promise<MeterResultDto>;
  leaveSession: (streamId: string, sessionId: string) => Promise<unknown>;
  isVisible: () => boolean;
  onVisibilityChange: (listener: () => void) => () => void;
  isOnline: () => boolean;
  onNetworkChange: (listener: () => void) => () => void;
  /** The tab is going away (pagehide): the last moment to say goodbye. */
  onPageHide: (listener: () => void) => () => void;
  clock?: Clock;
}

const listen = (target: EventTarget, types: string[], listener: () => void) => {
  for (const type of types) target.addEventListener(type, listener);
  return () => {
    for (const type of types) target.removeEventListener(type, listener);
  };
};

export const browserViewingDeps = (): ViewingSessionDeps => ({
  startSession: startViewingSession,
  sendTick: sendMeterTick,
  leaveSession: leaveViewingSession,
  isVisible: () => document.visibilityState !== "hidden",
  onVisibilityChange: (listener) => listen(document, ["visibilitychange"], listener),
  isOnline: () => navigator.onLine,
  onNetworkChange: (listener) => listen(window, ["online", "offline"], listener),
  onPageHide: (listener) => listen(window, ["pagehide"], listener),
});

const startFailure = (error: unknown): ViewingPhase => {
  const failure = classifyTickError(error);
  if (error instanceof ApiError && failure.kind === "exhausted") {
    return { kind: "exhausted", needed: failure.needed, balance: failure.balance };
  }
  return { kind: "failed", error };
};

/**
 * One paid viewing at a time on the watch page: starts the session, runs the metering loop with
 * the page's visibility and network, and turns the loop's end into a phase the page can explain.
 */
export function createViewingSession(deps: ViewingSessionDeps = browserViewingDeps()): ViewingSession {
  const clock = deps.clock ?? systemClock;
  const [phase, setPhase] = createSignal<ViewingPhase>({ kind: "idle" });
  const [remainingCredits, setRemainingCredits] = createSignal<string | null>(null);
  const [lastDebit, setLastDebit] = createSignal<string | null>(null);
  const [meterStatus, setMeterStatus] = createSignal<MeteringStatus | null>(null);
  const [nextTickAt, setNextTickAt] = createSignal<number | null>(null);
  const [visible, setVisible] = createSignal(deps.isVisible());

  let session: ViewingSessionDto | null = null;
  let loop: MeteringLoop | null = null;
  let generation = 0;
  let removed = false;
  /** When the tab last stopped being hidden (now, while hidden). */
  let hiddenUntil: number | null = deps.isVisible() ? null : Number.POSITIVE_INFINITY;

  const sync = () => {
    batch(() => {
      setMeterStatus(loop?.status() ?? null);
      setNextTickAt(loop?.nextTickAt() ?? null);
    });
  };

  const goodbye = (ended: ViewingSessionDto) => {
    deps.leaveSession(ended.streamId, ended.sessionId).catch((error: unknown) => {
      // Best effort: the server's watchdog closes a session whose ticks stopped anyway.
      console.warn("could not end the viewing session", error);
    });
  };

  const wasHiddenRecently = (intervalMs: number) =>
    hiddenUntil !== null && clock.now() - hiddenUntil <= 2 * intervalMs + 1_000;

  const stopped = (stop: MeteringStop, ended: ViewingSessionDto) => {
    if (session !== ended) return;
    switch (stop.kind) {
      case "exhausted":
        setPhase({ kind: "exhausted", needed: stop.needed, balance: stop.balance });
        break;
      case "ended":
        setPhase({
          kind: "ended",
          reason: stop.reason,
          removed,
          wasHidden: !visible() || wasHiddenRecently(ended.intervalMs),
        });
        // Reason unknown: the session may still be open on the server; close it.
        if (stop.reason === null) goodbye(ended);
        break;
      case "error":
        setPhase({ kind: "failed", error: stop.error });
        goodbye(ended);
        break;
      case "left":
        break;
    }
    sync();
  };

  const leave = () => {
    generation++;
    const current = session;
    const currentLoop = loop;
    if (current && currentLoop && !currentLoop.stopped()) {
      currentLoop.stop();
      goodbye(current);
    }
    loop = null;
    session = null;
    removed = false;
    batch(() => {
      if (phase().kind === "watching" || phase().kind === "starting") setPhase({ kind: "idle" });
      sync();
    });
  };

  const start = async (streamId: string): Promise<ViewingSessionDto | null> => {
    if (phase().kind === "starting") return null;
    leave();
    const attempt = generation;
    setPhase({ kind: "starting" });
    let started: ViewingSessionDto;
    try {
      started = await deps.startSession(streamId);
    } catch (error) {
      if (attempt === generation) setPhase(startFailure(error));
      return null;
    }
    if (attempt !== generation) {
      goodbye(started); // the viewer left while it was starting
      return null;
    }
    session = started;
    removed = false;
    batch(() => {
      setRemainingCredits(started.remainingCredits);
      setLastDebit(null);
      setPhase({ kind: "watching", session: started });
    });
    loop = createMeteringLoop({
      session: started,
      sendTick: deps.sendTick,
      clock,
      visible: visible(),
      online: deps.isOnline(),
      onBooked: (_tick, result) => {
        if (session !== started || !result) return;
        batch(() => {
          setRemainingCredits(result.remainingCredits);
          setLastDebit(result.debited);
        });
      },
      onStopped: (stop) => stopped(stop, started),
      onChange: sync,
    });
    sync();
    return started;
  };

  const stopVisibility = deps.onVisibilityChange(() => {
    const now = deps.isVisible();
    hiddenUntil = now ? clock.now() : Number.POSITIVE_INFINITY;
    setVisible(now);
    loop?.setVisible(now);
  });
  const stopNetwork = deps.onNetworkChange(() => loop?.setOnline(deps.isOnline()));
  const stopPageHide = deps.onPageHide(leave);
  onCleanup(() => {
    stopVisibility();
    stopNetwork();
    stopPageHide();
    leave();
  });

  return {
    phase,
    remainingCredits,
    lastDebit,
    meterStatus,
    nextTickAt,
    visible,
    start,
    setPlaying: (playing) => loop?.setPlaying(playing),
    removedFromRoom: async () => {
      const current = loop;
      if (!current) return;
      removed = true;
      await current.finish();
    },
    leave,
  };
}
