import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHAT_RATE_LIMIT, CHAT_RATE_WINDOW_MS } from "../../contracts/chat.ts";
import {
  admitMessage,
  allowanceOf,
  emptySender,
  EXEMPT_RATE_LIMIT,
  recordMessage,
  type SenderState,
} from "./sender-rules.ts";

const T0 = 1_000_000;
const viewer = (now: number, slowModeSeconds = 0) => ({ now, slowModeSeconds, exempt: false });
const staff = (now: number, slowModeSeconds = 0) => ({ now, slowModeSeconds, exempt: true });

/** Sends `count` messages one second apart from `start`, each admitted first. */
function sendMany(count: number, start: number, exempt = false, state = emptySender()): SenderState {
  for (let i = 0; i < count; i++) {
    const now = start + i * 1000;
    const a = admitMessage(state, { now, slowModeSeconds: 0, exempt });
    if (!a.ok) throw new Error(`message ${i} refused: ${a.code}`);
    state = recordMessage(a.state, `m${i}`, now);
  }
  return state;
}

describe("rate limit", () => {
  it("refuses the 11th message in 30 s until the first one leaves the window", () => {
    expect(CHAT_RATE_LIMIT).toBe(10);
    expect(CHAT_RATE_WINDOW_MS).toBe(30_000);
    const state = sendMany(10, T0); // T0 … T0+9s
    const refused = admitMessage(state, viewer(T0 + 12_000));
    expect(refused).toEqual({
      ok: false,
      code: "RATE_LIMITED",
      message: "You can send 10 messages every 30 seconds; wait 18 seconds",
      retryAfterMs: 18_000,
      allowance: { remaining: 0, limit: 10, resetInMs: 18_000 },
    });
    expect(admitMessage(state, viewer(T0 + 29_999))).toMatchObject({ ok: false, retryAfterMs: 1 });
    expect(admitMessage(state, viewer(T0 + 30_000))).toMatchObject({
      ok: true,
      allowance: { remaining: 1, limit: 10, resetInMs: 1000 },
    });
  });

  it("slides: each expired message frees exactly one slot", () => {
    let state = sendMany(10, T0);
    const a = admitMessage(state, viewer(T0 + 30_000));
    expect(a.ok).toBe(true);
    state = recordMessage(state, "again", T0 + 30_000);
    // The window now holds T0+1s … T0+9s and T0+30s: full again until T0+31s.
    expect(admitMessage(state, viewer(T0 + 30_500))).toMatchObject({ ok: false, retryAfterMs: 500 });
    expect(admitMessage(state, viewer(T0 + 31_000)).ok).toBe(true);
  });

  it("checks without recording: refused or admitted, the state is not counted twice", () => {
    const state = sendMany(3, T0);
    const a = admitMessage(state, viewer(T0 + 5000));
    expect(a.ok && a.state.hits).toEqual([T0, T0 + 1000, T0 + 2000]);
    expect(state.hits).toHaveLength(3);
  });

  it("gives exempt senders three times the limit, not an unlimited one", () => {
    expect(EXEMPT_RATE_LIMIT).toBe(30);
    const state = sendMany(30, T0, true);
    expect(admitMessage(state, staff(T0 + 29_500))).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
      retryAfterMs: 500,
      allowance: { remaining: 0, limit: 30 },
    });
    expect(admitMessage(state, viewer(T0 + 29_500))).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  });
});

describe("slow mode", () => {
  it("refuses a message within N seconds of the last one, with the time left", () => {
    const state = recordMessage(emptySender(), "hi", T0);
    expect(admitMessage(state, viewer(T0 + 4000, 10))).toEqual({
      ok: false,
      code: "SLOW_MODE",
      message: "Slow mode is on: wait 6 seconds before your next message",
      retryAfterMs: 6000,
      allowance: { remaining: 9, limit: 10, resetInMs: 26_000 },
    });
    expect(admitMessage(state, viewer(T0 + 9999, 10))).toMatchObject({
      ok: false,
      retryAfterMs: 1,
      message: "Slow mode is on: wait 1 second before your next message",
    });
    expect(admitMessage(state, viewer(T0 + 10_000, 10)).ok).toBe(true);
  });

  it("is off at 0 and for a first message", () => {
    const state = recordMessage(emptySender(), "hi", T0);
    expect(admitMessage(state, viewer(T0 + 1, 0)).ok).toBe(true);
    expect(admitMessage(emptySender(), viewer(T0, 600)).ok).toBe(true);
  });

  it("does not apply to the broadcaster, moderators and admins", () => {
    const state = recordMessage(emptySender(), "hi", T0);
    expect(admitMessage(state, staff(T0 + 1, 600)).ok).toBe(true);
  });

  it("reports whichever limit ends later when both apply", () => {
    // Ten messages 3 s apart (T0 … T0+27s) under a 3 s slow mode; at T0+28s the rate limit ends at T0+30s
    // and slow mode at T0+30s too; under a 5 s slow mode the latter ends at T0+32s.
    let state = emptySender();
    for (let i = 0; i < 10; i++) state = recordMessage(state, `m${i}`, T0 + i * 3000);
    expect(admitMessage(state, viewer(T0 + 28_000, 3))).toMatchObject({ code: "RATE_LIMITED", retryAfterMs: 2000 });
    expect(admitMessage(state, viewer(T0 + 28_000, 5))).toMatchObject({ code: "SLOW_MODE", retryAfterMs: 4000 });
  });
});

describe("recordMessage", () => {
  it("sets lastSentAt and keeps only the last 5 texts from the last 30 s", () => {
    let state = emptySender();
    for (let i = 0; i < 7; i++) state = recordMessage(state, `m${i}`, T0 + i * 1000);
    expect(state.lastSentAt).toBe(T0 + 6000);
    expect(state.recent.map((m) => m.text)).toEqual(["m2", "m3", "m4", "m5", "m6"]);
    state = recordMessage(state, "later", T0 + 35_000);
    expect(state.recent).toEqual([
      { text: "m6", at: T0 + 6000 },
      { text: "later", at: T0 + 35_000 },
    ]);
    expect(state.hits).toEqual([T0 + 6000, T0 + 35_000]);
  });

  it("keeps the stored state bounded however much is sent", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 200 }), (gaps) => {
        let state = emptySender();
        let now = T0;
        for (const gap of gaps) {
          now += gap;
          state = recordMessage(state, "x".repeat(200), now);
        }
        expect(state.hits.length).toBeLessThanOrEqual(EXEMPT_RATE_LIMIT);
        expect(state.recent.length).toBeLessThanOrEqual(5);
      }),
    );
  });
});

describe("allowanceOf", () => {
  it("counts only messages inside the window", () => {
    expect(allowanceOf(emptySender(), T0)).toEqual({ remaining: 10, limit: 10, resetInMs: 0 });
    const state = sendMany(4, T0);
    expect(allowanceOf(state, T0 + 10_000)).toEqual({ remaining: 6, limit: 10, resetInMs: 20_000 });
    expect(allowanceOf(state, T0 + 31_500)).toEqual({ remaining: 8, limit: 10, resetInMs: 500 });
    expect(allowanceOf(state, T0 + 10_000, true)).toEqual({ remaining: 26, limit: 30, resetInMs: 20_000 });
  });
});
