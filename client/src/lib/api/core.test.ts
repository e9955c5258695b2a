import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-error.ts";
import { apiFetch, noContentSchema, onSessionChange, refreshSession } from "./core.ts";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const error = (status: number, code: string) => json(status, { error: { code, message: code } });

function watchSessions() {
  const seen: ("started" | "ended")[] = [];
  const stop = onSessionChange((s) => seen.push(s ? "started" : "ended"));
  return { seen, stop };
}

afterEach(() => vi.unstubAllGlobals());

describe("refreshSession", () => {
  it("treats a 503 from /api/auth/refresh as an outage, not a sign-out", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(() => Promise.resolve(error(503, "SERVICE_UNAVAILABLE"))),
    );
    const { seen, stop } = watchSessions();
    await expect(refreshSession()).rejects.toMatchObject({ status: 503 });
    stop();
    expect(seen).toEqual([]);
  });

  it("ends the session when the refresh token is refused (401)", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(() => Promise.resolve(error(401, "REFRESH_TOKEN_REUSED"))),
    );
    const { seen, stop } = watchSessions();
    await expect(refreshSession()).rejects.toBeInstanceOf(ApiError);
    stop();
    expect(seen).toEqual(["ended"]);
  });

  it("keeps the session when a request's refresh meets an outage", async () => {
    const responses = [error(401, "TOKEN_EXPIRED"), error(503, "SERVICE_UNAVAILABLE")];
    vi.stubGlobal(
      "fetch",
      vi.fn(() => Promise.resolve(responses.shift() ?? error(500, "INTERNAL"))),
    );
    const { seen, stop } = watchSessions();
    await expect(apiFetch("/api/me", { schema: noContentSchema })).rejects.toMatchObject({ status: 503 });
    stop();
    expect(seen).toEqual([]);
  });
});
