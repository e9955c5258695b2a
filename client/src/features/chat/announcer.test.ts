import { describe, expect, it } from "vitest";
import { createAnnouncer, summarise } from "./announcer.ts";

function harness() {
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  const said: string[] = [];
  const announcer = createAnnouncer({
    now: () => now,
    setTimer: (run, ms) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => timers.splice(timers.indexOf(timer as (typeof timers)[number]), 1),
    announce: (text) => said.push(text),
  });
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.run();
    }
  };
  return { announcer, said, advance, timers };
}

const from = (text: string) => ({ displayName: "Ana", text });

describe("createAnnouncer", () => {
  it("announces a lone message at once, with its sender", () => {
    const { announcer, said } = harness();
    announcer.message(from("hi"));
    expect(said).toEqual(["New message from Ana: hi"]);
  });

  it("sums a burst into one announcement per 2 s", () => {
    const { announcer, said, advance } = harness();
    announcer.message(from("1"));
    advance(100);
    announcer.message(from("2"));
    announcer.message(from("3"));
    announcer.message(from("4"));
    expect(said).toHaveLength(1);
    advance(1_899);
    expect(said).toHaveLength(1);
    advance(1);
    expect(said).toHaveLength(2);
    expect(said[1]).toBe("3 new messages");
    advance(10);
    announcer.message(from("5"));
    expect(said).toHaveLength(2);
    advance(2_000);
    expect(said[2]).toBe("New message from Ana: 5");
  });

  it("says nothing after dispose", () => {
    const { announcer, said, advance, timers } = harness();
    announcer.message(from("1"));
    announcer.message(from("2"));
    announcer.dispose();
    advance(5_000);
    expect(said).toHaveLength(1);
    expect(timers).toHaveLength(0);
  });
});

describe("summarise", () => {
  it("counts several", () => expect(summarise(5, null)).toBe("5 new messages"));
});
