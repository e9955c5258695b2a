declare module "vitest" {
  interface ProvidedContext {
    databaseUrl: string;
    wsProxy: string;
    jwtPrivateKey: string;
    baseUrl: string;
    chromiumPath: string | null;
    stripeMockUrl: string;
    coinbaseApiUrl: string;
    coinbaseApiKey: string;
    /** The tier's own livekit-server: ws:// signalling (the Worker's LIVEKIT_WS_URL), for @livekit/rtc-node. */
    livekitUrl: string;
    /** The same server over http://: RoomServiceClient, WHIP at /whip/v1. */
    livekitHttpUrl: string;
    livekitApiKey: string;
    livekitApiSecret: string;
    /** The Worker's METER_INTERVAL_MS in the workers and browser tiers. */
    meterIntervalMs: number;
  }
}
export {};
