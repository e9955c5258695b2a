import { describe, expect, it } from "vitest";
import { STREAM_STATUSES } from "../../contracts/streams.ts";
import { canTransition, isFinalStatus, statusFromRoom } from "./stream-status.ts";

describe("stream status", () => {
  it("lets LiveKit move a stream between LIVE and PAUSED, and anyone not ended end it", () => {
    expect(canTransition("SCHEDULED", "LIVE")).toBe(true);
    expect(canTransition("LIVE", "PAUSED")).toBe(true);
    expect(canTransition("PAUSED", "LIVE")).toBe(true);
    for (const s of STREAM_STATUSES) expect(canTransition(s, "ENDED")).toBe(!isFinalStatus(s));
  });
  it("never leaves ENDED, and never goes back to SCHEDULED", () => {
    for (const s of STREAM_STATUSES) {
      expect(canTransition("ENDED", s)).toBe(false);
      expect(canTransition(s, "SCHEDULED")).toBe(false);
    }
  });
  it("never leaves REMOVED (a takedown), and nothing moves a stream into it by transition", () => {
    for (const s of STREAM_STATUSES) {
      expect(canTransition("REMOVED", s)).toBe(false);
      expect(canTransition(s, "REMOVED")).toBe(false);
    }
    expect(statusFromRoom("REMOVED", true)).toBe("REMOVED");
    expect(statusFromRoom("REMOVED", false)).toBe("REMOVED");
  });
  it("derives the status from the room", () => {
    expect(statusFromRoom("SCHEDULED", true)).toBe("LIVE");
    expect(statusFromRoom("SCHEDULED", false)).toBe("SCHEDULED");
    expect(statusFromRoom("LIVE", false)).toBe("PAUSED");
    expect(statusFromRoom("PAUSED", true)).toBe("LIVE");
    expect(statusFromRoom("ENDED", true)).toBe("ENDED");
  });
});
