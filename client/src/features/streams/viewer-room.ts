import { batch, createSignal, onCleanup, type Accessor } from "solid-js";
import type { DisconnectReason, RemoteTrack, RemoteTrackPublication, Room, VideoQuality } from "livekit-client";
import { loadLiveKit, preloadLiveKit, type LiveKit } from "./livekit.ts";

export type RoomPhase = "idle" | "connecting" | "connected" | "reconnecting";
/** Why the room closed without us asking: removed by the server, the room deleted, or the link lost. */
export type RoomClose = "removed" | "room_deleted" | "lost";
export type Quality = "high" | "medium" | "low";

const videoQuality = (lk: LiveKit, quality: Quality): VideoQuality =>
  ({ high: lk.VideoQuality.HIGH, medium: lk.VideoQuality.MEDIUM, low: lk.VideoQuality.LOW })[quality];

export interface ViewerRoom {
  phase: Accessor<RoomPhase>;
  closed: Accessor<RoomClose | null>;
  /** A video track is subscribed (the creator publishes and we receive). */
  hasVideo: Accessor<boolean>;
  /** The browser blocked audio until the user interacts (autoplay policy). */
  audioBlocked: Accessor<boolean>;
  quality: Accessor<Quality>;
  /** Subscribe-only: the token has no publish grant. */
  connect: (url: string, token: string) => Promise<void>;
  disconnect: () => Promise<void>;
  /** Unsubscribes while the tab is hidden (nothing flows, nothing is billed) and back. */
  setReceiving: (receiving: boolean) => void;
  setQuality: (quality: Quality) => void;
  startAudio: () => Promise<void>;
  /** The elements the tracks play in, once mounted. */
  bind: (video: HTMLVideoElement, audio: HTMLAudioElement) => void;
}

const closeReason = (lk: LiveKit, reason: DisconnectReason | undefined): RoomClose => {
  switch (reason) {
    case lk.DisconnectReason.PARTICIPANT_REMOVED:
    case lk.DisconnectReason.DUPLICATE_IDENTITY:
      return "removed";
    case lk.DisconnectReason.ROOM_DELETED:
    case lk.DisconnectReason.ROOM_CLOSED:
      return "room_deleted";
    default:
      return "lost";
  }
};

/** The viewer's side of a stream's LiveKit room: receive the creator's tracks into two elements. */
export function createViewerRoom(): ViewerRoom {
  preloadLiveKit();
  const [phase, setPhase] = createSignal<RoomPhase>("idle");
  const [closed, setClosed] = createSignal<RoomClose | null>(null);
  const [hasVideo, setHasVideo] = createSignal(false);
  const [audioBlocked, setAudioBlocked] = createSignal(false);
  const [quality, setQualitySignal] = createSignal<Quality>("high");
  let room: Room | null = null;
  /** Set once the library has loaded (every track comes after that). */
  let lk: LiveKit | null = null;
  /** Counts connects and disconnects, so a connect overtaken by another call gives up. */
  let attempt = 0;
  let videoElement: HTMLVideoElement | undefined;
  let audioElement: HTMLAudioElement | undefined;
  let shownVideo: RemoteTrack | null = null;
  const videoPublications: RemoteTrackPublication[] = [];

  /** Screen share first (it is what the creator wants shown), then the camera. */
  const showVideo = () => {
    const withTracks = videoPublications.filter((p) => p.track);
    const chosen = withTracks.find((p) => p.source === lk?.Track.Source.ScreenShare) ?? withTracks[0];
    const next = chosen?.track ?? null;
    if (next !== shownVideo) {
      if (shownVideo && videoElement) shownVideo.detach(videoElement);
      shownVideo = next;
      if (shownVideo && videoElement) shownVideo.attach(videoElement);
    }
    setHasVideo(!!shownVideo);
  };

  const subscribed = (library: LiveKit, track: RemoteTrack, publication: RemoteTrackPublication) => {
    if (track.kind === library.Track.Kind.Video) {
      if (!videoPublications.includes(publication)) videoPublications.push(publication);
      publication.setVideoQuality(videoQuality(library, quality()));
      showVideo();
    } else if (track.kind === library.Track.Kind.Audio && audioElement) {
      track.attach(audioElement);
    }
  };

  const unsubscribed = (library: LiveKit, track: RemoteTrack, publication: RemoteTrackPublication) => {
    if (track.kind === library.Track.Kind.Video) {
      const at = videoPublications.indexOf(publication);
      if (at >= 0) videoPublications.splice(at, 1);
      if (shownVideo === track && videoElement) track.detach(videoElement);
      if (shownVideo === track) shownVideo = null;
      showVideo();
    } else if (audioElement) {
      track.detach(audioElement);
    }
  };

  const forget = () => {
    if (shownVideo && videoElement) shownVideo.detach(videoElement);
    shownVideo = null;
    videoPublications.length = 0;
    setHasVideo(false);
  };

  const disconnect = async () => {
    attempt++;
    const current = room;
    room = null;
    forget();
    batch(() => {
      setPhase("idle");
      setAudioBlocked(false);
    });
    await current?.disconnect();
  };

  const connect = async (url: string, token: string) => {
    await disconnect();
    const mineAttempt = ++attempt;
    batch(() => {
      setClosed(null);
      setPhase("connecting");
    });
    let library: LiveKit;
    try {
      library = await loadLiveKit();
    } catch (error) {
      if (mineAttempt === attempt) setPhase("idle");
      throw error;
    }
    if (mineAttempt !== attempt) return; // disconnected (or reconnected) meanwhile
    lk = library;
    const { ConnectionState, RoomEvent } = library;
    const next = new library.Room({ adaptiveStream: false, dynacast: false });
    room = next;
    const mine = () => room === next;
    next
      .on(RoomEvent.ConnectionStateChanged, (state) => {
        if (!mine()) return;
        if (state === ConnectionState.Connected) setPhase("connected");
        else if (state === ConnectionState.Connecting) setPhase("connecting");
        else if (state === ConnectionState.Reconnecting || state === ConnectionState.SignalReconnecting) {
          setPhase("reconnecting");
        }
      })
      .on(RoomEvent.Disconnected, (reason) => {
        if (!mine()) return; // we hung up ourselves
        room = null;
        forget();
        batch(() => {
          setPhase("idle");
          setClosed(closeReason(library, reason));
        });
      })
      .on(RoomEvent.TrackSubscribed, (track, publication) => {
        if (mine()) subscribed(library, track, publication);
      })
      .on(RoomEvent.TrackUnsubscribed, (track, publication) => {
        if (mine()) unsubscribed(library, track, publication);
      })
      .on(RoomEvent.AudioPlaybackStatusChanged, () => {
        if (mine()) setAudioBlocked(!next.canPlaybackAudio);
      });
    try {
      await next.connect(url, token, { autoSubscribe: true });
    } catch (error) {
      if (mine()) {
        room = null;
        setPhase("idle");
      }
      throw error;
    }
  };

  onCleanup(() => void disconnect());

  return {
    phase,
    closed,
    hasVideo,
    audioBlocked,
    quality,
    connect,
    disconnect,
    setReceiving: (receiving) => {
      for (const participant of room?.remoteParticipants.values() ?? []) {
        for (const publication of participant.trackPublications.values()) publication.setSubscribed(receiving);
      }
    },
    setQuality: (next) => {
      setQualitySignal(next);
      const library = lk;
      if (library)
        for (const publication of videoPublications) publication.setVideoQuality(videoQuality(library, next));
    },
    startAudio: async () => {
      await room?.startAudio();
      setAudioBlocked(!(room?.canPlaybackAudio ?? true));
    },
    bind: (video, audio) => {
      videoElement = video;
      audioElement = audio;
      showVideo();
    },
  };
}
