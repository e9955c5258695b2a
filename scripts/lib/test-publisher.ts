import {
  LocalVideoTrack,
  Room,
  TrackPublishOptions,
  TrackSource,
  VideoBufferType,
  VideoFrame,
  VideoSource,
} from "@livekit/rtc-node";

export interface TestPublisher {
  room: Room;
  /** Stops the frames and leaves the room (rtc-node's `dispose()` stays the caller's, once per process). */
  stop(): Promise<void>;
}

/**
 * A headless creator for the browser tests and benchmarks: joins with a publish token and sends
 * one small camera track, a changing frame every 100 ms, so livekit-server sees a live track and
 * its webhook makes the stream LIVE.
 */
export async function publishTestVideo(url: string, token: string): Promise<TestPublisher> {
  const room = new Room();
  await room.connect(url, token, { autoSubscribe: false, dynacast: false });
  const source = new VideoSource(160, 120);
  await room.localParticipant?.publishTrack(
    LocalVideoTrack.createVideoTrack("camera", source),
    new TrackPublishOptions({ source: TrackSource.SOURCE_CAMERA }),
  );
  let n = 0;
  const feeder = setInterval(() => {
    source.captureFrame(new VideoFrame(new Uint8Array(160 * 120 * 4).fill(n++ % 256), 160, 120, VideoBufferType.RGBA));
  }, 100);
  return {
    room,
    stop: async () => {
      clearInterval(feeder);
      await room.disconnect();
    },
  };
}
