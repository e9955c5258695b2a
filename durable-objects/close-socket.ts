/**
 * Closes a hibernatable socket from its close or error handler. 1005/1006 are reserved: they may
 * be received but not sent, so they close as 1000. A socket already closed is left alone.
 */
export function closeSocket(ws: WebSocket, code: number, reason: string): void {
  try {
    ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
  } catch {
    return; // already closed
  }
}
