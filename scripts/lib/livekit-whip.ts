import type { Page } from "playwright-core";

export interface WhipOptions {
  /** livekit-server's HTTP URL; WHIP lives at /whip/v1. */
  httpUrl: string;
  /** An access token with roomJoin + canPublish: its room and identity become the WHIP participant's. */
  token: string;
  audio?: boolean;
  video?: boolean;
  timeoutMs?: number;
}

export interface WhipSession {
  /** The WHIP resource, `/whip/v1/<participant sid>`, relative to httpUrl. */
  location: string;
  /** The participant's sid (`PA_…`), the last segment of location. */
  participantSid: string;
  /** Closes the peer connection and DELETEs the resource, which removes the participant. */
  stop(): Promise<void>;
}

interface PageResult {
  ok: boolean;
  status: number;
  location: string;
  error: string;
}

/**
 * Publishes the browser's fake camera and microphone to livekit-server over WHIP, from a Playwright page.
 * Launch Chromium with --use-fake-device-for-media-stream and --use-fake-ui-for-media-stream, and give
 * the page a secure origin (http://127.0.0.1:… or localhost): getUserMedia needs one. livekit-server
 * answers CORS for any origin, so the page need not share its origin.
 */
export async function whipPublish(page: Page, options: WhipOptions): Promise<WhipSession> {
  const result: PageResult = await page.evaluate(
    async ({ endpoint, token, audio, video, timeoutMs }) => {
      const registry = ((globalThis as { __whip?: Map<string, RTCPeerConnection> }).__whip ??= new Map());
      const fail = (status: number, error: string) => ({ ok: false, status, location: "", error });
      // navigator.mediaDevices is undefined outside a secure context (about:blank, a LAN address…).
      if (!isSecureContext) return fail(0, `getUserMedia needs a secure page, not ${window.location.href}`);
      const stream = await navigator.mediaDevices.getUserMedia({ audio, video });
      const pc = new RTCPeerConnection();
      for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: "sendonly", streams: [stream] });
      await pc.setLocalDescription(await pc.createOffer());
      // No trickle: the offer carries every candidate (gathering is instant on loopback without STUN).
      await new Promise<void>((resolve) => {
        if (pc.iceGatheringState === "complete") return resolve();
        pc.addEventListener("icegatheringstatechange", () => {
          if (pc.iceGatheringState === "complete") resolve();
        });
        setTimeout(resolve, 2000);
      });
      const res = await fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/sdp", Authorization: `Bearer ${token}` },
        body: pc.localDescription?.sdp ?? "",
      });
      const body = await res.text();
      const resource = res.headers.get("Location") ?? "";
      if (res.status !== 201) {
        pc.close();
        return fail(res.status, body);
      }
      await pc.setRemoteDescription({ type: "answer", sdp: body });
      const connected = await new Promise<boolean>((resolve) => {
        const check = () => {
          if (pc.connectionState === "connected") resolve(true);
          if (pc.connectionState === "failed" || pc.connectionState === "closed") resolve(false);
        };
        pc.addEventListener("connectionstatechange", check);
        check();
        setTimeout(() => resolve(false), timeoutMs);
      });
      if (!connected) {
        pc.close();
        return fail(res.status, `peer connection ${pc.connectionState}`);
      }
      registry.set(resource, pc);
      return { ok: true, status: res.status, location: resource, error: "" };
    },
    {
      endpoint: `${options.httpUrl}/whip/v1`,
      token: options.token,
      audio: options.audio ?? true,
      video: options.video ?? true,
      timeoutMs: options.timeoutMs ?? 10_000,
    },
  );
  if (!result.ok) throw new Error(`WHIP publish failed (${result.status}): ${result.error}`);
  const location = result.location;
  return {
    location,
    participantSid: location.split("/").pop() ?? "",
    stop: async () => {
      await page.evaluate(
        async ({ location, resource, token }) => {
          const registry = (globalThis as { __whip?: Map<string, RTCPeerConnection> }).__whip;
          registry?.get(location)?.close();
          registry?.delete(location);
          await fetch(resource, { method: "DELETE", headers: { Authorization: `Bearer ${token}` } });
        },
        { location, resource: `${options.httpUrl}${location}`, token: options.token },
      );
    },
  };
}
