declare module "vitest" {
  interface ProvidedContext {
    /** The Worker's DATABASE_URL: the app role through pgbouncer (the owner on embedded PGlite). */
    databaseUrl: string;
    /** The owner, straight to Postgres: for tests that create triggers or functions. */
    ownerDatabaseUrl: string;
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
