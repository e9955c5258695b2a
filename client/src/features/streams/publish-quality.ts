import type { StreamQuality } from "@contracts/creator-settings.ts";

export interface QualityPreset {
  /** What the camera is asked for. */
  resolution: { width: number; height: number; frameRate: number };
  /** Cap of the top simulcast layer, bits per second; null lets LiveKit choose by resolution. */
  maxBitrate: number | null;
}

const PRESETS: Record<StreamQuality, QualityPreset> = {
  // "auto": 720p capture, LiveKit's own encodings and simulcast layers (the studio's default).
  auto: { resolution: { width: 1280, height: 720, frameRate: 30 }, maxBitrate: null },
  "1080p": { resolution: { width: 1920, height: 1080, frameRate: 30 }, maxBitrate: 3_000_000 },
  "720p": { resolution: { width: 1280, height: 720, frameRate: 30 }, maxBitrate: 1_700_000 },
  "480p": { resolution: { width: 854, height: 480, frameRate: 30 }, maxBitrate: 800_000 },
};

/** How the browser captures and encodes at a quality setting. */
export const qualityPreset = (quality: StreamQuality): QualityPreset => PRESETS[quality];

export const QUALITY_LABELS: Record<StreamQuality, string> = {
  auto: "Auto (adapts to your connection)",
  "1080p": "1080p (Full HD)",
  "720p": "720p (HD)",
  "480p": "480p (SD)",
};
