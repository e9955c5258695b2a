/** The StreamChat object of a stream, by name: every connection and RPC for it reaches the same object. */
export function streamChatObject(env: Env, streamId: string) {
  return env.STREAM_CHAT.get(env.STREAM_CHAT.idFromName(streamId));
}
