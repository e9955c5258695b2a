import type { ChatTokenResponse } from "../../contracts/chat.ts";
import type { SigningKeys } from "../auth/index.ts";
import { isFollowing } from "../follows/index.ts";
import { checkStreamRestricted, streamRestrictedError } from "../moderation/index.ts";
import type { Db } from "../platform/db/client.ts";
import type { AuthUser } from "../platform/types.ts";
import { findProfile } from "../users/index.ts";
import { loadSenderFacts } from "./chat-facts.ts";
import { badgeFor, canModerate, evaluateGate } from "./chat-gate.ts";
import { getChatModes } from "./chat-modes.ts";
import { issueChatToken } from "./chat-token.ts";

/**
 * A chat token for one stream: who the user is there (name, badge, may they moderate, do they
 * follow) signed for the StreamChat object, and whether they may send right now. Reading is open
 * to everyone signed in; the object checks the gate again on every send.
 */
export async function openChat(
  db: Db,
  input: { stream: { id: string; creatorId: string; status: string }; user: AuthUser },
  deps: { keys: SigningKeys },
): Promise<ChatTokenResponse> {
  const { stream, user } = input;
  // A ban and an ended stream still open the chat (the gate says why one cannot send); a removed stream does not.
  const restricted = await checkStreamRestricted(db, { stream, userId: user.id });
  if (restricted?.reason === "REMOVED") throw streamRestrictedError(restricted);
  const isBroadcaster = stream.creatorId === user.id;
  const profile = await findProfile(db, user.id);
  const facts = await loadSenderFacts(db, { userId: user.id, creatorId: stream.creatorId });
  const modes = await getChatModes(db, stream.id);
  const isFollower = isBroadcaster || (await isFollowing(db, user.id, stream.creatorId));
  const gate = evaluateGate(
    {
      role: user.role,
      isBroadcaster,
      emailVerified: user.emailVerified,
      ...facts,
      isFollower,
      streamEnded: stream.status === "ENDED" || stream.status === "REMOVED",
      modes,
    },
    Date.now(),
  );
  const { token, expiresAt } = await issueChatToken(deps.keys, {
    userId: user.id,
    streamId: stream.id,
    displayName: profile?.displayName ?? "Viewer",
    avatarUrl: profile?.avatarUrl ?? null,
    role: user.role,
    badge: badgeFor(user.role, isBroadcaster),
    isBroadcaster,
    canModerate: canModerate(user.role, isBroadcaster),
    emailVerified: user.emailVerified,
    isFollower,
  });
  return {
    token,
    canChat: gate.canSend,
    ...(gate.reason ? { reason: gate.reason } : {}),
    expiresAt: expiresAt.toISOString(),
    socketPath: `/api/streams/${stream.id}/chat?token=${encodeURIComponent(token)}`,
  };
}
