import { batch, createSignal, onCleanup, type Accessor } from "solid-js";
import type { DisconnectReason, LocalAudioTrack, LocalTrack, LocalVideoTrack, Room } from "livekit-client";
import type { StreamQuality } from "@contracts/creator-settings.ts";
import { loadLiveKit, preloadLiveKit, type LiveKit } from "./livekit.ts";
import { qualityPreset } from "./publish-quality.ts";

export type DeviceKind = "videoinput" | "audioinput";
export type PreviewState = "off" | "starting" | "on" | "failed";
export type PublisherConnection = "offline" | "connecting" | "live" | "reconnecting";

export interface Publisher {
  preview: Accessor<PreviewState>;
  previewError: Accessor<string | null>;
  camera: Accessor<LocalVideoTrack | null>;
  cameraOn: Accessor<boolean>;
  micOn: Accessor<boolean>;
  hasMicrophone: Accessor<boolean>;
  sharingScreen: Accessor<boolean>;
  devices: Accessor<Record<DeviceKind, MediaDeviceInfo[]>>;
  selectedDevice: (kind: DeviceKind) => string;
  connection: Accessor<PublisherConnection>;
  /** The capture and encoding preset (the creator's default quality, or the wizard's choice). */
  quality: Accessor<StreamQuality>;
  /** Applies at once to the preview (the camera is restarted) and to the next go-live. */
  setQuality: (quality: StreamQuality) => Promise<void>;
  /** Why the connection dropped on its own (null: it did not, or we hung up). */
  dropped: Accessor<string | null>;
  startPreview: () => Promise<void>;
  selectDevice: (kind: DeviceKind, deviceId: string) => Promise<void>;
  setCameraOn: (on: boolean) => Promise<void>;
  setMicOn: (on: boolean) => Promise<void>;
  setScreenShare: (on: boolean) => Promise<void>;
  /** Connects with a publish token and publishes the preview tracks. */
  goLive: (url: string, token: string) => Promise<void>;
  /** Leaves the room (the stream pauses) and keeps the preview. */
  goOffline: () => Promise<void>;
  /** Leaves the room and turns the camera and microphone off. */
  close: () => Promise<void>;
}

/** What went wrong asking for the camera or microphone, for the creator. */
export function mediaErrorMessage(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  switch (name) {
    case "NotAllowedError":
    case "SecurityError":
      return "Camera and microphone access was refused. Allow it in your browser's site settings, or stream from OBS.";
    case "NotFoundError":
    case "OverconstrainedError":
      return "No camera or microphone was found. Plug one in, or stream from OBS.";
    case "NotReadableError":
    case "AbortError":
      return "The camera or microphone is in use by another application.";
  }
  return error instanceof Error && error.message ? error.message : "The camera could not be started.";
}

function dropReason(lk: LiveKit, reason: DisconnectReason | undefined): string {
  switch (reason) {
    case lk.DisconnectReason.ROOM_DELETED:
    case lk.DisconnectReason.ROOM_CLOSED:
      return "The stream was ended.";
    case lk.DisconnectReason.PARTICIPANT_REMOVED:
      return "You were disconnected by the server.";
    case lk.DisconnectReason.DUPLICATE_IDENTITY:
      return "You went live from another tab or device.";
    default:
      return "The connection to the video server was lost.";
  }
}

/** The creator's camera, microphone and screen, previewed and published to the stream's room. */
export function createPublisher(options: { quality?: StreamQuality } = {}): Publisher {
  preloadLiveKit();
  const [quality, setQualitySignal] = createSignal<StreamQuality>(options.quality ?? "auto");
  const [preview, setPreview] = createSignal<PreviewState>("off");
  const [previewError, setPreviewError] = createSignal<string | null>(null);
  const [camera, setCamera] = createSignal<LocalVideoTrack | null>(null);
  const [microphone, setMicrophone] = createSignal<LocalAudioTrack | null>(null);
  const [cameraOn, setCameraOnSignal] = createSignal(true);
  const [micOn, setMicOnSignal] = createSignal(true);
  const [sharingScreen, setSharingScreen] = createSignal(false);
  const [devices, setDevices] = createSignal<Record<DeviceKind, MediaDeviceInfo[]>>({ videoinput: [], audioinput: [] });
  const [selected, setSelected] = createSignal<Record<DeviceKind, string>>({ videoinput: "", audioinput: "" });
  const [connection, setConnection] = createSignal<PublisherConnection>("offline");
  const [dropped, setDropped] = createSignal<string | null>(null);
  let room: Room | null = null;

  const refreshDevices = async () => {
    const { Room } = await loadLiveKit();
    const [videoinput, audioinput] = await Promise.all([
      Room.getLocalDevices("videoinput", false),
      Room.getLocalDevices("audioinput", false),
    ]);
    setDevices({ videoinput, audioinput });
  };
  const onDeviceChange = () => {
    refreshDevices().catch((error: unknown) => console.warn("could not list devices", error));
  };
  navigator.mediaDevices?.addEventListener("devicechange", onDeviceChange);

  const rememberDevices = async (lk: LiveKit, tracks: LocalTrack[]) => {
    const next = { ...selected() };
    for (const track of tracks) {
      const id = await track.getDeviceId();
      if (id && track.kind === lk.Track.Kind.Video) next.videoinput = id;
      if (id && track.kind === lk.Track.Kind.Audio) next.audioinput = id;
    }
    setSelected(next);
  };

  /** Camera and microphone together; failing that, whichever of the two there is. */
  const capture = async ({ createLocalTracks }: LiveKit): Promise<LocalTrack[]> => {
    const video = { resolution: qualityPreset(quality()).resolution, deviceId: selected().videoinput || undefined };
    const audio = { deviceId: selected().audioinput || undefined };
    try {
      return await createLocalTracks({ video, audio });
    } catch (error) {
      if (!(error instanceof Error) || error.name !== "NotFoundError") throw error;
      for (const only of [{ video }, { audio }]) {
        try {
          return await createLocalTracks({ audio: false, video: false, ...only });
        } catch {
          // try the other one; the first error explains best if neither exists
        }
      }
      throw error;
    }
  };

  const startPreview = async () => {
    if (preview() === "starting" || preview() === "on") return;
    batch(() => {
      setPreview("starting");
      setPreviewError(null);
    });
    try {
      const lk = await loadLiveKit();
      const tracks = await capture(lk);
      batch(() => {
        for (const track of tracks) {
          if (track instanceof lk.LocalVideoTrack) setCamera(track);
          if (track instanceof lk.LocalAudioTrack) setMicrophone(track);
        }
        setCameraOnSignal(true);
        setMicOnSignal(true);
        setPreview("on");
      });
      await rememberDevices(lk, tracks);
      await refreshDevices();
      // Already live (the preview was restarted): publish what we just got.
      if (room && connection() === "live") for (const track of tracks) await room.localParticipant.publishTrack(track);
    } catch (error) {
      batch(() => {
        setPreview("failed");
        setPreviewError(mediaErrorMessage(error));
      });
    }
  };

  const selectDevice = async (kind: DeviceKind, deviceId: string) => {
    setSelected((current) => ({ ...current, [kind]: deviceId }));
    const track = kind === "videoinput" ? camera() : microphone();
    if (track) await track.setDeviceId({ exact: deviceId });
  };

  const setQuality = async (next: StreamQuality) => {
    setQualitySignal(next);
    const track = camera();
    if (!track) return;
    await track.restartTrack({
      resolution: qualityPreset(next).resolution,
      deviceId: selected().videoinput || undefined,
    });
  };

  /** The top layer's cap for an explicit quality; simulcast still sends the lower layers. */
  const publishOptions = () => {
    const { maxBitrate, resolution } = qualityPreset(quality());
    return maxBitrate === null ? {} : { videoEncoding: { maxBitrate, maxFramerate: resolution.frameRate } };
  };

  const setCameraOn = async (on: boolean) => {
    const track = camera();
    if (!track) return;
    await (on ? track.unmute() : track.mute());
    setCameraOnSignal(on);
  };
  const setMicOn = async (on: boolean) => {
    const track = microphone();
    if (!track) return;
    await (on ? track.unmute() : track.mute());
    setMicOnSignal(on);
  };

  const setScreenShare = async (on: boolean) => {
    if (!room) return;
    try {
      await room.localParticipant.setScreenShareEnabled(on, { audio: false });
    } catch (error) {
      // The creator cancelled the browser's picker: nothing to report.
      if (!(error instanceof Error && error.name === "NotAllowedError")) throw error;
    }
    setSharingScreen(room?.localParticipant.isScreenShareEnabled ?? false);
  };

  const leave = async (stopTracks: boolean) => {
    const current = room;
    room = null;
    batch(() => {
      setConnection("offline");
      setSharingScreen(false);
    });
    await current?.disconnect(stopTracks);
  };

  const goLive = async (url: string, token: string) => {
    await leave(false);
    const lk = await loadLiveKit();
    const { ConnectionState, RoomEvent } = lk;
    const next = new lk.Room({ adaptiveStream: false, dynacast: true, stopLocalTrackOnUnpublish: false });
    room = next;
    const mine = () => room === next;
    next
      .on(RoomEvent.ConnectionStateChanged, (state) => {
        if (!mine()) return;
        if (state === ConnectionState.Connected) setConnection("live");
        else if (state === ConnectionState.Connecting) setConnection("connecting");
        else if (state === ConnectionState.Reconnecting || state === ConnectionState.SignalReconnecting) {
          setConnection("reconnecting");
        }
      })
      .on(RoomEvent.Disconnected, (reason) => {
        if (!mine()) return;
        room = null;
        batch(() => {
          setConnection("offline");
          setSharingScreen(false);
          setDropped(dropReason(lk, reason));
        });
      })
      .on(RoomEvent.LocalTrackUnpublished, (publication) => {
        // The browser's own "Stop sharing" button.
        if (mine() && publication.source === lk.Track.Source.ScreenShare) setSharingScreen(false);
      });
    batch(() => {
      setDropped(null);
      setConnection("connecting");
    });
    try {
      await next.connect(url, token);
      const video = camera();
      if (video && mine()) await next.localParticipant.publishTrack(video, publishOptions());
      const audio = microphone();
      if (audio && mine()) await next.localParticipant.publishTrack(audio);
    } catch (error) {
      if (mine()) await leave(false);
      throw error;
    }
  };

  const close = async () => {
    await leave(true);
    for (const track of [camera(), microphone()]) track?.stop();
    batch(() => {
      setCamera(null);
      setMicrophone(null);
      setPreview("off");
    });
  };

  onCleanup(() => {
    navigator.mediaDevices?.removeEventListener("devicechange", onDeviceChange);
    void close();
  });

  return {
    preview,
    previewError,
    camera,
    cameraOn,
    micOn,
    hasMicrophone: () => microphone() !== null,
    sharingScreen,
    devices,
    selectedDevice: (kind) => selected()[kind],
    connection,
    quality,
    setQuality,
    dropped,
    startPreview,
    selectDevice,
    setCameraOn,
    setMicOn,
    setScreenShare,
    goLive,
    goOffline: () => leave(false),
    close,
  };
}
