import { describe, expect, it } from "vitest";
import type { FollowedCreatorDto } from "@contracts/follows.ts";
import { newlyLive } from "./went-live.ts";

const creator = (id: string, live: boolean): FollowedCreatorDto => ({
  id,
  displayName: id,
  avatarUrl: null,
  followedAt: "2026-12-01T00:00:00.000Z",
  live: live ? { streamId: `s-${id}`, title: "t", viewerCount: 1 } : null,
});

describe("followed creators going live", () => {
  it("names only those who were not live before", () => {
    const before = [creator("a", true), creator("b", false), creator("c", false)];
    const now = [creator("a", true), creator("b", true), creator("c", false), creator("d", true)];
    expect(newlyLive(before, now).map((c) => c.id)).toEqual(["b", "d"]);
    expect(newlyLive(now, now)).toEqual([]);
  });
});
