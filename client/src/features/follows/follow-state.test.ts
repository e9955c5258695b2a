import { describe, expect, it } from "vitest";
import { followersLabel, optimisticFollow } from "./follow-state.ts";

describe("follow button state", () => {
  it("moves the count with the press and never below zero", () => {
    expect(optimisticFollow({ following: false, followerCount: 4 }, true)).toEqual({
      following: true,
      followerCount: 5,
    });
    expect(optimisticFollow({ following: true, followerCount: 5 }, false)).toEqual({
      following: false,
      followerCount: 4,
    });
    expect(optimisticFollow({ following: true, followerCount: 0 }, false)).toEqual({
      following: false,
      followerCount: 0,
    });
    const same = { following: true, followerCount: 3 };
    expect(optimisticFollow(same, true)).toBe(same);
  });

  it("says follower or followers", () => {
    expect(followersLabel(1)).toBe("1 follower");
    expect(followersLabel(1200)).toBe("1,200 followers");
  });
});
