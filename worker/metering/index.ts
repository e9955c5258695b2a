// The metering domain's front door: viewing sessions, rates, and the session runtime the
// ViewerSession object runs.
export { meteringHooks, meteringHooksFor, viewerSessionObject } from "./metering-deps.ts";
export { getMeteringRates, getMeteringSettings, meteringRateFor } from "./metering-rates.ts";
export {
  endSession,
  initialState,
  nextAlarmAt,
  processTick,
  settle,
  SETTLE_EVERY_MS,
  type RuntimeDeps,
  type SessionInit,
  type SessionState,
  type TickResponse,
} from "./session-runtime.ts";
export { closeStreamViewingSessions, isViewingActive } from "./viewing-sessions.ts";
export { findCreatorOpenEscrows } from "./find-creator-escrows.ts";
export { ticksStopped } from "./tick-rules.ts";
export { countPeakViewers } from "./count-peak-viewers.ts";
