/**
 * livekit-client is by far the largest dependency (~140 kB gzip), so it is its own chunk,
 * fetched only by the two pages that use it (watch, creator stream) when they open. Nothing else
 * may import "livekit-client" except as types, and this file only through livekit-sdk.ts.
 */
export type LiveKit = typeof import("./livekit-sdk.ts");

let loading: Promise<LiveKit> | undefined;

export function loadLiveKit(): Promise<LiveKit> {
  loading ??= import("./livekit-sdk.ts").catch((error: unknown) => {
    loading = undefined; // a failed chunk download may succeed on the next try
    throw error;
  });
  return loading;
}

/** Starts the download early (when a page opens) without waiting for it. */
export function preloadLiveKit(): void {
  loadLiveKit().catch((error: unknown) => console.warn("could not load the video library", error));
}
