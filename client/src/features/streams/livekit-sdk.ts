// The part of livekit-client the app uses, as one module to import dynamically (see livekit.ts):
// naming the exports keeps the rest of the library out of the chunk.
export {
  ConnectionState,
  createLocalTracks,
  DisconnectReason,
  LocalAudioTrack,
  LocalVideoTrack,
  Room,
  RoomEvent,
  Track,
  VideoPresets,
  VideoQuality,
} from "livekit-client";
