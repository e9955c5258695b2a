import type { ChatModes } from "../../contracts/chat.ts";

/** What the StreamChat object applies at once after a moderation or settings change was recorded. */
export type ChatEffect =
  | { kind: "delete"; messageIds: string[] }
  | { kind: "mute"; userId: string; until: string }
  | { kind: "ban"; userId: string; until: string | null; reason: string }
  | { kind: "warn"; userId: string; reason: string }
  | { kind: "clear" }
  | { kind: "modes"; modes: ChatModes };
