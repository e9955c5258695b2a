import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, liveKitOrigins } from "./security-headers.ts";

describe("content security policy", () => {
  it("connects to LiveKit over its WebSocket origin and the HTTP twin", () => {
    expect(liveKitOrigins("wss://live.example.com/rtc")).toEqual([
      "wss://live.example.com",
      "https://live.example.com",
    ]);
    expect(liveKitOrigins("ws://127.0.0.1:7880")).toEqual(["ws://127.0.0.1:7880", "http://127.0.0.1:7880"]);
    expect(liveKitOrigins(undefined)).toEqual([]);
    expect(liveKitOrigins("not a url")).toEqual([]);
    expect(liveKitOrigins("javascript:alert(1)")).toEqual([]);
  });

  it("allows only our own scripts and styles and no framing", () => {
    const csp = contentSecurityPolicy("wss://live.example.com");
    expect(csp).toContain("script-src 'self';");
    // Our styles, plus the toasts' two fixed inline texts by hash (security-headers.ts): never unsafe-inline.
    expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'unsafe-hashes' 'sha256-[A-Za-z0-9+/=]+';/);
    expect(csp).toContain("connect-src 'self' wss://live.example.com https://live.example.com;");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp.replace("'unsafe-hashes'", "")).not.toContain("unsafe");
  });
});
