// The chat domain's front door: the rules the StreamChat object enforces, its reads and writes,
// and the object itself by stream (for metering to tell it a viewer ran dry).
export { buildAutoMod, type AutoMod, type AutoModVerdict } from "./auto-mod.ts";
export type { ChatEffect } from "./chat-effects.ts";
export { streamChatObject } from "./chat-deps.ts";
export { loadSenderFacts, loadSendersFacts, type SenderFacts } from "./chat-facts.ts";
export { badgeFor, canModerate, evaluateGate, type GateFacts } from "./chat-gate.ts";
export { countChatByMinute } from "./count-chat-by-minute.ts";
export { findChatMessage, listChatMessages, saveChatMessages, type ChatMessageRecord } from "./chat-messages.ts";
export { getChatModes } from "./chat-modes.ts";
export { applyModeration, type AppliedModeration, type ModerationStep } from "./moderate-chat.ts";
export { findChatMessageTexts, listMessagesAround } from "./list-messages-around.ts";
export { getAutoModSettings } from "./chat-settings.ts";
export { prepareChatText } from "./chat-text.ts";
export { verifyChatToken, type ChatIdentity } from "./chat-token.ts";
export { admitMessage, allowanceOf, emptySender, recordMessage, type SenderState } from "./sender-rules.ts";
