import { describe, expect, it } from "vitest";
import { STREAM_QUALITIES } from "@contracts/creator-settings.ts";
import { qualityPreset } from "./publish-quality.ts";

describe("qualityPreset", () => {
  it("asks the camera for the named height, 16:9, and caps the bitrate higher for more pixels", () => {
    expect(qualityPreset("1080p").resolution).toEqual({ width: 1920, height: 1080, frameRate: 30 });
    expect(qualityPreset("480p").resolution.height).toBe(480);
    for (const quality of STREAM_QUALITIES) {
      const { width, height } = qualityPreset(quality).resolution;
      expect(Math.abs(width / height - 16 / 9)).toBeLessThan(0.01);
    }
    const caps = (["480p", "720p", "1080p"] as const).map((q) => qualityPreset(q).maxBitrate ?? 0);
    expect(caps[0]).toBeLessThan(caps[1] ?? 0);
    expect(caps[1]).toBeLessThan(caps[2] ?? 0);
  });

  it("leaves the encoding to LiveKit on auto, at the studio's 720p capture", () => {
    expect(qualityPreset("auto")).toEqual({
      resolution: { width: 1280, height: 720, frameRate: 30 },
      maxBitrate: null,
    });
  });
});
