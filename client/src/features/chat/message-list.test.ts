import { describe, expect, it } from "vitest";
import type { ChatMessageDto } from "@contracts/chat.ts";
import { countNew, mergeMessages, removeMessages } from "./message-list.ts";

const msg = (id: string, second: number, text = id): ChatMessageDto => ({
  id,
  streamId: "s",
  userId: "u",
  displayName: "U",
  avatarUrl: null,
  badge: "VIEWER",
  text,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString(),
});

describe("mergeMessages", () => {
  it("keeps one copy per id, oldest first", () => {
    const merged = mergeMessages([msg("b", 2), msg("c", 3)], [msg("a", 1), msg("b", 2), msg("d", 4)]);
    expect(merged.map((m) => m.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("lets the incoming copy win (a masked text)", () => {
    const merged = mergeMessages([msg("a", 1, "old")], [msg("a", 1, "new")]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.text).toBe("new");
  });

  it("orders messages of the same instant by id", () => {
    expect(mergeMessages([msg("z", 1)], [msg("y", 1)]).map((m) => m.id)).toEqual(["y", "z"]);
  });

  it("a reconnect's history merged twice duplicates nothing", () => {
    const history = [msg("a", 1), msg("b", 2), msg("c", 3)];
    const once = mergeMessages([], history);
    expect(mergeMessages(once, history)).toEqual(once);
  });

  it("drops the oldest beyond the cap, or the newest when keeping an older page", () => {
    const many = Array.from({ length: 6 }, (_, i) => msg(`m${i}`, i));
    expect(mergeMessages([], many, 4).map((m) => m.id)).toEqual(["m2", "m3", "m4", "m5"]);
    expect(mergeMessages([], many, 4, "oldest").map((m) => m.id)).toEqual(["m0", "m1", "m2", "m3"]);
  });
});

describe("removeMessages", () => {
  it("removes the given ids only", () => {
    expect(removeMessages([msg("a", 1), msg("b", 2)], ["b", "x"]).map((m) => m.id)).toEqual(["a"]);
  });
});

describe("countNew", () => {
  it("counts distinct unknown ids", () => {
    expect(countNew([msg("a", 1)], [msg("a", 1), msg("b", 2), msg("b", 2), msg("c", 3)])).toBe(2);
  });
});
