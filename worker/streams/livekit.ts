import { AccessToken, RoomServiceClient, TrackSource, WebhookReceiver, type WebhookEvent } from "livekit-server-sdk";
import type { AppConfig } from "../platform/env.ts";
import { AppError } from "../platform/errors.ts";

/** Room of a stream and identities in it: one publisher per stream, one identity per viewing. */
export const roomName = (streamId: string) => `stream_${streamId}`;
export const streamIdOfRoom = (room: string): string | null => /^stream_([0-9a-f-]{36})$/i.exec(room)?.[1] ?? null;
export const browserPublisherIdentity = (streamId: string) => `publisher:${streamId}:web`;
export const whipPublisherIdentity = (streamId: string, version: number) => `publisher:${streamId}:whip:${version}`;
export const viewerIdentity = (sessionId: string) => `viewer:${sessionId}`;

export type ParsedIdentity =
  | { kind: "publisher"; streamId: string; via: "web" }
  | { kind: "publisher"; streamId: string; via: "whip"; version: number }
  | { kind: "viewer"; sessionId: string }
  | { kind: "unknown" };

export function parseIdentity(identity: string): ParsedIdentity {
  const viewer = /^viewer:([0-9a-f-]{36})$/i.exec(identity);
  if (viewer?.[1]) return { kind: "viewer", sessionId: viewer[1] };
  const web = /^publisher:([0-9a-f-]{36}):web$/i.exec(identity);
  if (web?.[1]) return { kind: "publisher", streamId: web[1], via: "web" };
  const whip = /^publisher:([0-9a-f-]{36}):whip:(\d{1,9})$/i.exec(identity);
  if (whip?.[1] && whip[2]) return { kind: "publisher", streamId: whip[1], via: "whip", version: Number(whip[2]) };
  return { kind: "unknown" };
}

/**
 * The permission object that takes a viewer's video away. LiveKit's updateParticipant
 * replaces the whole permission, so every field is sent: anything omitted would be reset.
 */
export const REVOKED_VIEWER_PERMISSION = {
  canSubscribe: false,
  canPublish: false,
  canPublishData: false,
  canPublishSources: [] as TrackSource[],
  hidden: false,
  recorder: false,
  canUpdateMetadata: false,
  agent: false,
  canSubscribeMetrics: false,
  canManageAgentSession: false,
} as const;

export interface LiveParticipant {
  identity: string;
  /** Number of published tracks. */
  tracks: number;
}

/** What the app needs from LiveKit; one implementation, over the real Room API. */
export interface LiveKit {
  readonly wsUrl: string;
  readonly httpUrl: string;
  createRoom(room: string): Promise<void>;
  deleteRoom(room: string): Promise<void>;
  listRooms(): Promise<string[]>;
  listParticipants(room: string): Promise<LiveParticipant[]>;
  /** Removes a participant; a participant or room that is already gone is not an error. */
  removeParticipant(room: string, identity: string): Promise<void>;
  /** Stops a viewer's subscriptions at once without disconnecting it (see REVOKED_VIEWER_PERMISSION). */
  revokeViewer(room: string, identity: string): Promise<void>;
  publisherToken(input: { room: string; identity: string; name: string; ttlSeconds: number }): Promise<string>;
  viewerToken(input: { room: string; identity: string; name: string; ttlSeconds: number }): Promise<string>;
  /** Verifies a webhook on its raw body (Authorization is a bare JWT with the body's sha256). */
  receiveWebhook(rawBody: string, authorization: string | undefined): Promise<WebhookEvent>;
  ping(): Promise<boolean>;
}

const NOT_FOUND = /not found|does not exist|not_found/i;

export function createLiveKit(options: { apiKey: string; apiSecret: string; wsUrl: string }): LiveKit {
  const httpUrl = options.wsUrl.replace(/^ws(s?):\/\//, "http$1://").replace(/\/$/, "");
  const rooms = new RoomServiceClient(httpUrl, options.apiKey, options.apiSecret);
  const receiver = new WebhookReceiver(options.apiKey, options.apiSecret);
  const token = async (
    input: { room: string; identity: string; name: string; ttlSeconds: number },
    grant: { canPublish: boolean; canSubscribe: boolean },
  ) => {
    const at = new AccessToken(options.apiKey, options.apiSecret, {
      identity: input.identity,
      name: input.name,
      ttl: input.ttlSeconds,
    });
    at.addGrant({ room: input.room, roomJoin: true, canPublishData: false, ...grant });
    return at.toJwt();
  };
  const ignoreGone = (error: unknown) => {
    if (error instanceof Error && NOT_FOUND.test(error.message)) return;
    throw error;
  };
  return {
    wsUrl: options.wsUrl,
    httpUrl,
    async createRoom(room) {
      // A room nobody joins closes after 10 minutes, and one everybody left 10 minutes after the
      // last departure: a creator whose connection drops has that long to come back (PAUSED).
      await rooms.createRoom({ name: room, emptyTimeout: 600, departureTimeout: 600 });
    },
    deleteRoom: (room) => rooms.deleteRoom(room).catch(ignoreGone),
    listRooms: async () => (await rooms.listRooms()).map((r) => r.name),
    listParticipants: async (room) => {
      try {
        const list = await rooms.listParticipants(room);
        return list.map((p) => ({ identity: p.identity, tracks: p.tracks.length }));
      } catch (error) {
        ignoreGone(error);
        return [];
      }
    },
    removeParticipant: (room, identity) => rooms.removeParticipant(room, identity).catch(ignoreGone),
    revokeViewer: async (room, identity) => {
      await rooms.updateParticipant(room, identity, undefined, { ...REVOKED_VIEWER_PERMISSION }).catch(ignoreGone);
    },
    publisherToken: (input) => token(input, { canPublish: true, canSubscribe: true }),
    viewerToken: (input) => token(input, { canPublish: false, canSubscribe: true }),
    receiveWebhook: async (rawBody, authorization) => {
      try {
        return await receiver.receive(rawBody, authorization);
      } catch (error) {
        throw new AppError(
          "INVALID_SIGNATURE",
          400,
          `LiveKit webhook verification failed (${error instanceof Error ? error.message : "invalid"})`,
        );
      }
    },
    ping: async () => {
      await rooms.listRooms();
      return true;
    },
  };
}

/** LiveKit from the Worker's config, or null when live video is not configured. */
export function liveKitFromConfig(config: AppConfig): LiveKit | null {
  const { LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret, LIVEKIT_WS_URL: wsUrl } = config;
  if (!apiKey || !apiSecret || !wsUrl) return null;
  return createLiveKit({ apiKey, apiSecret, wsUrl });
}

/** The same, for routes that cannot work without it: 503 LIVEKIT_NOT_CONFIGURED. */
export function requireLiveKit(config: AppConfig): LiveKit {
  const livekit = liveKitFromConfig(config);
  if (!livekit) throw new AppError("LIVEKIT_NOT_CONFIGURED", 503, "Live video is not configured on this server");
  return livekit;
}
