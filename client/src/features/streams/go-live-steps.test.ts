import { describe, expect, it } from "vitest";
import {
  detailsFromDefaults,
  previewBlocker,
  stepState,
  toUpdateInput,
  validateDetails,
  type DetailsValues,
} from "./go-live-steps.ts";

const blank: DetailsValues = { title: "", category: "", description: "", thumbnailUrl: "", tags: [] };

describe("the go-live wizard's steps", () => {
  it("marks the steps before the current one complete and the later ones upcoming", () => {
    expect([0, 1, 2].map((i) => stepState(i, 1))).toEqual(["complete", "current", "upcoming"]);
    expect([0, 1, 2].map((i) => stepState(i, 0))).toEqual(["current", "upcoming", "upcoming"]);
  });

  it("prefills a new stream's category (by slug) and tags from the creator's defaults", () => {
    const categories = [
      { id: "c1", slug: "gaming" },
      { id: "c2", slug: "music" },
    ];
    expect(detailsFromDefaults({ categoryId: "c2", tags: ["live"], quality: "720p" }, categories)).toEqual({
      ...blank,
      category: "music",
      tags: ["live"],
    });
    // A default category since deleted is no category.
    expect(detailsFromDefaults({ categoryId: "gone", tags: [], quality: "auto" }, categories).category).toBe("");
    expect(detailsFromDefaults(null, categories)).toEqual(blank);
  });

  it("holds step 1 until the title is valid, with each field's message", () => {
    const empty = validateDetails(blank);
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.errors.title).toBe("At least 3 characters");

    const badUrl = validateDetails({ ...blank, title: "Hello", thumbnailUrl: "ftp://x" });
    expect(badUrl.ok).toBe(false);
    if (!badUrl.ok) expect(Object.keys(badUrl.errors)).toEqual(["thumbnailUrl"]);

    const good = validateDetails({ ...blank, title: "  Hello world ", category: "gaming", tags: ["Retro", "retro"] });
    expect(good).toEqual({ ok: true, input: { title: "Hello world", category: "gaming", tags: ["retro"] } });
  });

  it("turns the details into a PATCH that clears the blanks", () => {
    expect(toUpdateInput({ title: "T", tags: ["a"] })).toEqual({
      title: "T",
      category: null,
      description: null,
      thumbnailUrl: null,
      tags: ["a"],
    });
    // An uploaded thumbnail stays unless a URL replaces it.
    expect(toUpdateInput({ title: "T" }, { keepThumbnail: true })).not.toHaveProperty("thumbnailUrl");
    expect(
      toUpdateInput({ title: "T", thumbnailUrl: "https://x.test/a.png" }, { keepThumbnail: true }).thumbnailUrl,
    ).toBe("https://x.test/a.png");
  });

  it("holds step 2 for the browser until the preview is on; OBS goes on", () => {
    expect(previewBlocker("browser", "on")).toBeNull();
    expect(previewBlocker("browser", "off")).toMatch(/camera/);
    expect(previewBlocker("browser", "failed")).toMatch(/OBS/);
    expect(previewBlocker("obs", "off")).toBeNull();
  });
});
