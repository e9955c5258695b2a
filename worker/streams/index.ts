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
