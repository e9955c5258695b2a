import { ParticipantPermission } from "livekit-server-sdk";
import { describe, expect, it } from "vitest";
import {
  browserPublisherIdentity,
  parseIdentity,
  REVOKED_VIEWER_PERMISSION,
  roomName,
  streamIdOfRoom,
  viewerIdentity,
  whipPublisherIdentity,
} from "./livekit.ts";

const id = "6f1c1c3e-1c1b-4d7e-9a55-0f4b1b8f9d21";

describe("the revoked viewer permission", () => {
  it("names every field of LiveKit's ParticipantPermission: updateParticipant resets any field left out", () => {
    expect(Object.keys(REVOKED_VIEWER_PERMISSION).sort()).toEqual(Object.keys(new ParticipantPermission()).sort());
  });
  it("takes subscribing, publishing and data away", () => {
    expect(REVOKED_VIEWER_PERMISSION).toMatchObject({ canSubscribe: false, canPublish: false, canPublishData: false });
    expect(REVOKED_VIEWER_PERMISSION.canPublishSources).toEqual([]);
  });
});

describe("rooms and identities", () => {
  it("round-trips a stream's room name", () => {
    expect(streamIdOfRoom(roomName(id))).toBe(id);
    expect(streamIdOfRoom("lobby")).toBeNull();
  });
  it("parses every identity the app issues, and nothing else", () => {
    expect(parseIdentity(viewerIdentity(id))).toEqual({ kind: "viewer", sessionId: id });
    expect(parseIdentity(browserPublisherIdentity(id))).toEqual({ kind: "publisher", streamId: id, via: "web" });
    expect(parseIdentity(whipPublisherIdentity(id, 3))).toEqual({
      kind: "publisher",
      streamId: id,
      via: "whip",
      version: 3,
    });
    expect(parseIdentity("viewer:not-a-uuid")).toEqual({ kind: "unknown" });
    expect(parseIdentity(`publisher:${id}:obs`)).toEqual({ kind: "unknown" });
  });
});
