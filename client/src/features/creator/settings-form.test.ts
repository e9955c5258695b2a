import { describe, expect, it } from "vitest";
import { updateCreatorSettingsSchema } from "@contracts/creator-settings.ts";
import { charactersLeftLabel, toSettingsInput, toSettingsValues } from "./settings-form.ts";

const CATEGORY = "0b6f1d8e-4f0a-4c59-9a39-0d1e7b6a2f10";

describe("the settings form", () => {
  it("round-trips the API's settings through its strings", () => {
    const settings = {
      profile: { displayName: "Sam", bio: null, avatarUrl: null },
      defaults: { categoryId: CATEGORY, tags: ["retro"], quality: "720p" as const },
    };
    const values = toSettingsValues(settings);
    expect(values["profile.bio"]).toBe("");
    expect(toSettingsInput(values, ["retro"])).toEqual({
      profile: { displayName: "Sam", bio: "" },
      defaults: { categoryId: CATEGORY, tags: ["retro"], quality: "720p" },
    });
  });

  it("sends no category for the blank option, and the schema reports errors at the form's keys", () => {
    const values = {
      ...toSettingsValues({
        profile: { displayName: "x", bio: "b".repeat(501), avatarUrl: null },
        defaults: { categoryId: null, tags: [], quality: "auto" },
      }),
    };
    const input = toSettingsInput(values, []);
    expect(input.defaults.categoryId).toBeNull();
    const parsed = updateCreatorSettingsSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path.join(".")).sort();
    expect(paths).toEqual(["profile.bio", "profile.displayName"]);
    expect(Object.keys(values)).toEqual(expect.arrayContaining(paths ?? []));
  });

  it("counts the bio as the server does, trimmed", () => {
    expect(charactersLeftLabel("  hello  ", 500)).toBe("5 / 500 characters");
  });
});
