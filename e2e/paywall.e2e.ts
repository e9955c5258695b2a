// The paywall against a real livekit-server: a headless publisher (@livekit/rtc-node) goes live,
// a headless viewer pays per interval, runs dry and is removed by the server — asserted with
// LiveKit's own participant list, not the client's state. Also: a viewer whose ticks stop is
// removed by the session's alarm, and an OBS-style WHIP publish goes live.
import { dispose, Room, RoomEvent } from "@livekit/rtc-node";
import { RoomServiceClient } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { MeterResultDto, ViewingSessionDto } from "../contracts/metering.ts";
import type { IngestDto, StreamDto } from "../contracts/streams.ts";
import { whipPublish } from "../scripts/lib/livekit-whip.ts";
import { publishTestVideo, type TestPublisher } from "../scripts/lib/test-publisher.ts";
import { baseUrl, launchBrowser } from "./browser.ts";
import { ApiClient as Api, fundedViewer, SEEDED_PASSWORD } from "./helpers.ts";

const interval = () => inject("meterIntervalMs");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rooms = () =>
  new RoomServiceClient(inject("livekitHttpUrl"), inject("livekitApiKey"), inject("livekitApiSecret"));

async function viewerWith(credits: string): Promise<Api> {
  return (await fundedViewer(credits)).api;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

const identities = async (room: string) => (await rooms().listParticipants(room)).map((p) => p.identity);

async function streamStatus(api: Api, id: string) {
  return (await api.call<{ stream: StreamDto }>(`/api/streams/${id}`)).body.stream.status;
}

describe("the paywall against a real livekit-server", () => {
  let creator: Api;
  let stream: StreamDto;
  let ingest: IngestDto;
  let publisher: TestPublisher | undefined;
  const connected: Room[] = [];

  beforeAll(async () => {
    creator = await Api.signIn("creator1@tollgate.test", SEEDED_PASSWORD);
    const created = await creator.call<{ stream: StreamDto; ingest: IngestDto }>("/api/streams", {
      method: "POST",
      body: { title: "Paywall test", category: "gaming" },
    });
    expect(created.status).toBe(201);
    ({ stream, ingest } = created.body);
    const token = await creator.call<{ token: string; livekitUrl: string }>(`/api/streams/${stream.id}/token`, {
      method: "POST",
    });
    publisher = await publishTestVideo(token.body.livekitUrl, token.body.token);
  });

  afterAll(async () => {
    for (const room of connected) await room.disconnect();
    await publisher?.stop();
    await dispose();
  });

  it("goes LIVE when the creator's track is published (LiveKit's webhook, not a button)", async () => {
    await waitFor("LIVE", async () => ((await streamStatus(creator, stream.id)) === "LIVE" ? true : undefined));
  });

  it("charges each interval, then removes the viewer who ran dry, and removes it again when it rejoins", async () => {
    const price = (6 * interval()) / 60_000;
    const viewer = await viewerWith((price * 2.5).toFixed(3));
    const session = await viewer.call<ViewingSessionDto>(`/api/streams/${stream.id}/session`, { method: "POST" });
    expect(session.status).toBe(201);
    const s = session.body;
    const room = new Room();
    connected.push(room);
    await room.connect(s.livekitUrl, s.token, { autoSubscribe: true, dynacast: false });
    await waitFor("viewer in the room", async () =>
      (await identities(s.roomName)).includes(s.identity) ? true : undefined,
    );

    const tick = (i: number) =>
      viewer.call<MeterResultDto>("/api/meter", {
        method: "POST",
        body: { streamId: stream.id, sessionId: s.sessionId, intervalIndex: i, playbackMs: interval() },
      });
    await sleep(interval());
    expect((await tick(0)).status).toBe(200);
    await sleep(interval());
    expect((await tick(1)).status).toBe(200);
    await sleep(interval());
    expect((await tick(2)).status).toBe(402);
    await waitFor("the exhausted viewer removed", async () =>
      (await identities(s.roomName)).includes(s.identity) ? undefined : true,
    );

    // LiveKit lets a removed participant rejoin with its still-valid token; the webhook removes it again.
    const again = new Room();
    connected.push(again);
    const disconnected = new Promise<void>((resolve) => again.on(RoomEvent.Disconnected, () => resolve()));
    await again.connect(s.livekitUrl, s.token, { autoSubscribe: true, dynacast: false });
    await Promise.race([disconnected, sleep(15_000).then(() => Promise.reject(new Error("rejoin was not removed")))]);
    expect(await identities(s.roomName)).not.toContain(s.identity);
  });

  it("removes a viewer whose ticks stop (a modified client) within two intervals, by the session's alarm", async () => {
    const viewer = await viewerWith("50");
    const s = (await viewer.call<ViewingSessionDto>(`/api/streams/${stream.id}/session`, { method: "POST" })).body;
    const room = new Room();
    connected.push(room);
    await room.connect(s.livekitUrl, s.token, { autoSubscribe: true, dynacast: false });
    await waitFor("viewer in the room", async () =>
      (await identities(s.roomName)).includes(s.identity) ? true : undefined,
    );
    const joinedAt = Date.now();
    await waitFor(
      "the silent viewer removed",
      async () => ((await identities(s.roomName)).includes(s.identity) ? undefined : true),
      2 * interval() + 10_000,
    );
    expect(Date.now() - joinedAt).toBeLessThan(2 * interval() + 10_000);
  });

  it("goes live from a WHIP publisher (OBS's protocol) and a viewer receives its video", async () => {
    const whipCreator = await Api.signIn("creator2@tollgate.test", SEEDED_PASSWORD);
    const created = await whipCreator.call<{ stream: StreamDto; ingest: IngestDto }>("/api/streams", {
      method: "POST",
      body: { title: "WHIP test", category: "music" },
    });
    const whipStream = created.body.stream;
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${baseUrl()}/`);
      const whip = await whipPublish(page, { httpUrl: inject("livekitHttpUrl"), token: created.body.ingest.whipToken });
      await waitFor("WHIP stream LIVE", async () =>
        (await streamStatus(whipCreator, whipStream.id)) === "LIVE" ? true : undefined,
      );
      const viewer = await viewerWith("20");
      const s = (await viewer.call<ViewingSessionDto>(`/api/streams/${whipStream.id}/session`, { method: "POST" }))
        .body;
      const room = new Room();
      connected.push(room);
      const gotVideo = new Promise<void>((resolve) =>
        room.on(RoomEvent.TrackSubscribed, (track) => {
          if (track.kind === 2) resolve();
        }),
      );
      await room.connect(s.livekitUrl, s.token, { autoSubscribe: true, dynacast: false });
      await Promise.race([gotVideo, sleep(15_000).then(() => Promise.reject(new Error("no WHIP video")))]);
      await whip.stop();
      await waitFor("WHIP stream PAUSED after the publisher left", async () =>
        (await streamStatus(whipCreator, whipStream.id)) === "PAUSED" ? true : undefined,
      );
    } finally {
      await browser.close();
    }
    expect(ingest.whipUrl).toBe(`${inject("livekitHttpUrl")}/whip/v1`);
  });
});
