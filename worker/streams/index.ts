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
export { findOwnStream, findStream, findStreamTitles } from "./find-stream.ts";
export { setStreamThumbnail } from "./set-stream-thumbnail.ts";
export { findCurrentStreams, getBroadcastStreamIds } from "./creator-streams.ts";
export { listStreams } from "./list-streams.ts";
export { listCreatorStreams } from "./list-creator-streams.ts";
export { deleteStream } from "./delete-stream.ts";
export { bulkStreamAction } from "./bulk-stream-action.ts";
export { getLiveTotals, type LiveTotals } from "./get-live-totals.ts";
export { toStreamDtos } from "./stream-dto.ts";
export { setViewerCount } from "./set-viewer-count.ts";
export type { Stream } from "./streams.schema.ts";
export { reconcileStreams, type ReconcileReport } from "./reconcile-streams.ts";
export {
  takedownStream,
  type TakedownStreamDeps,
  type TakedownStreamInput,
  type TakedownStreamResult,
} from "./takedown-stream.ts";
