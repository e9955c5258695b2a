// The streams domain's front door: streams, their LiveKit rooms and the identities in them.
export {
  browserPublisherIdentity,
  createLiveKit,
  liveKitFromConfig,
  parseIdentity,
  requireLiveKit,
  roomName,
  viewerIdentity,
  type LiveKit,
} from "./livekit.ts";
export { findStream, findStreamTitles } from "./find-stream.ts";
export { findCurrentStreams, getBroadcastStreamIds } from "./creator-streams.ts";
export { listStreams } from "./list-streams.ts";
export { toStreamDtos } from "./stream-dto.ts";
export { setViewerCount } from "./set-viewer-count.ts";
export type { Stream } from "./streams.schema.ts";
export { reconcileStreams, type ReconcileReport } from "./reconcile-streams.ts";
