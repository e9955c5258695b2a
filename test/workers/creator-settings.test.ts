import { describe, expect, it } from "vitest";
import type { CategoryDto } from "../../contracts/categories.ts";
import type { CreatorSettingsDto } from "../../contracts/creator-settings.ts";
import type { CreatorProfileDto } from "../../contracts/creators.ts";
import { call, type ApiErrorBody } from "./support/http.ts";
import { adminSession, freshCreator } from "./support/live.ts";
import { signUpVerified, type Session } from "./support/session.ts";

const SETTINGS = "/api/creator/settings";

async function categories(): Promise<CategoryDto[]> {
  const res = await call<{ categories: CategoryDto[] }>("/api/categories");
  expect(res.status).toBe(200);
  expect(res.body.categories.length).toBeGreaterThanOrEqual(2);
  return res.body.categories;
}

const put = (session: Session, body: unknown) =>
  session.call<CreatorSettingsDto & ApiErrorBody>(SETTINGS, { method: "PUT", body });

const validBody = (categoryId: string | null) => ({
  profile: { displayName: "Settings Tester", bio: "I stream speedruns." },
  defaults: { categoryId, tags: ["speedrun"], quality: "720p" },
});

describe("GET/PUT /api/creator/settings", () => {
  it("starts from the built-in defaults, saves both sections and reads them back everywhere", async () => {
    const { session, userId } = await freshCreator("settings-rt");
    const [first, second] = await categories();
    if (!first || !second) throw new Error("seeded categories missing");

    const me = await session.call<{ profile: { displayName: string } }>("/api/me");
    const initial = await session.call<CreatorSettingsDto>(SETTINGS);
    expect(initial.status).toBe(200);
    expect(initial.headers.get("cache-control")).toBe("no-store");
    expect(initial.body).toEqual({
      profile: { displayName: me.body.profile.displayName, bio: null, avatarUrl: null },
      defaults: { categoryId: null, tags: [], quality: "auto" },
    });

    const saved = await put(session, {
      profile: { displayName: "  Speedy Sam  ", bio: "  Retro games, every night.  " },
      // Tags are stored as streams store them: trimmed, lower-cased, each once.
      defaults: { categoryId: first.id, tags: ["Speedrun", " retro ", "speedrun"], quality: "1080p" },
    });
    expect(saved.status).toBe(200);
    const expected: CreatorSettingsDto = {
      profile: { displayName: "Speedy Sam", bio: "Retro games, every night.", avatarUrl: null },
      defaults: { categoryId: first.id, tags: ["speedrun", "retro"], quality: "1080p" },
    };
    expect(saved.body).toEqual(expected);
    expect((await session.call(SETTINGS)).body).toEqual(expected);

    // The profile is the public one: /api/me and the creator's public page show the new text.
    const meAfter = await session.call<{ profile: { displayName: string; bio: string | null } }>("/api/me");
    expect(meAfter.body.profile).toMatchObject({ displayName: "Speedy Sam", bio: "Retro games, every night." });
    const pub = await call<CreatorProfileDto>(`/api/creators/${userId}`);
    expect(pub.status).toBe(200);
    expect(pub.body.creator).toMatchObject({ displayName: "Speedy Sam", bio: "Retro games, every night." });

    // A second save replaces the row (upsert), and an empty bio clears it.
    const again = await put(session, {
      profile: { displayName: "Speedy Sam", bio: "" },
      defaults: { categoryId: second.id, tags: [], quality: "480p" },
    });
    expect(again.status).toBe(200);
    expect((await session.call(SETTINGS)).body).toEqual({
      profile: { displayName: "Speedy Sam", bio: null, avatarUrl: null },
      defaults: { categoryId: second.id, tags: [], quality: "480p" },
    });

    const cleared = await put(session, validBody(null));
    expect(cleared.status).toBe(200);
    expect(cleared.body.defaults).toEqual({ categoryId: null, tags: ["speedrun"], quality: "720p" });
  });

  it("refuses bad input with 400 and changes nothing", async () => {
    const { session } = await freshCreator("settings-bad");
    const [category] = await categories();
    if (!category) throw new Error("seeded categories missing");
    const base = validBody(category.id);
    const before = (await session.call<CreatorSettingsDto>(SETTINGS)).body;

    const bad: [string, unknown][] = [
      ["a one-letter name", { ...base, profile: { ...base.profile, displayName: " a " } }],
      ["a 51-character name", { ...base, profile: { ...base.profile, displayName: "x".repeat(51) } }],
      ["a 501-character bio", { ...base, profile: { ...base.profile, bio: "b".repeat(501) } }],
      ["11 tags", { ...base, defaults: { ...base.defaults, tags: Array.from({ length: 11 }, (_, i) => `t${i}`) } }],
      ["a 25-character tag", { ...base, defaults: { ...base.defaults, tags: ["t".repeat(25)] } }],
      ["an empty tag", { ...base, defaults: { ...base.defaults, tags: ["  "] } }],
      ["an unknown quality", { ...base, defaults: { ...base.defaults, quality: "4k" } }],
      ["a category that is not an id", { ...base, defaults: { ...base.defaults, categoryId: "gaming" } }],
      ["no defaults", { profile: base.profile }],
      ["an unknown field", { ...base, profile: { ...base.profile, avatarUrl: "https://example.com/a.png" } }],
    ];
    for (const [what, body] of bad) {
      const res = await put(session, body);
      expect(res.status, what).toBe(400);
      expect(res.body.error.code, what).toBe("VALIDATION_FAILED");
    }
    const notJson = await session.call<ApiErrorBody>(SETTINGS, { method: "PUT", rawBody: "{" });
    expect(notJson.status).toBe(400);
    expect((await session.call(SETTINGS)).body).toEqual(before);
  });

  it("answers 404 for an unknown category and saves neither section", async () => {
    const { session } = await freshCreator("settings-404");
    const before = (await session.call<CreatorSettingsDto>(SETTINGS)).body;
    const res = await put(session, validBody(crypto.randomUUID()));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("CATEGORY_NOT_FOUND");
    // One transaction: the valid profile half was not written either.
    expect((await session.call(SETTINGS)).body).toEqual(before);
    expect(before.profile.displayName).not.toBe("Settings Tester");
  });

  it("is for creators and admins only, and only ever shows the caller's own settings", async () => {
    const guestGet = await call<ApiErrorBody>(SETTINGS);
    expect(guestGet.status).toBe(401);
    const guestPut = await call<ApiErrorBody>(SETTINGS, { method: "PUT", body: validBody(null) });
    expect(guestPut.status).toBe(401);

    const { session: viewer } = await signUpVerified("settings-viewer");
    expect((await viewer.call(SETTINGS)).status).toBe(403);
    expect((await put(viewer, validBody(null))).status).toBe(403);

    const [category] = await categories();
    if (!category) throw new Error("seeded categories missing");
    const { session: a } = await freshCreator("settings-a");
    const { session: b } = await freshCreator("settings-b");
    expect((await put(a, validBody(category.id))).status).toBe(200);
    const seenByB = await b.call<CreatorSettingsDto>(SETTINGS);
    expect(seenByB.status).toBe(200);
    expect(seenByB.body.defaults).toEqual({ categoryId: null, tags: [], quality: "auto" });
    expect(seenByB.body.profile.displayName).not.toBe("Settings Tester");
    // B's save leaves A's row alone.
    expect((await put(b, { ...validBody(null), profile: { displayName: "Bee", bio: "" } })).status).toBe(200);
    expect((await a.call<CreatorSettingsDto>(SETTINGS)).body.defaults).toEqual({
      categoryId: category.id,
      tags: ["speedrun"],
      quality: "720p",
    });

    const admin = await adminSession();
    expect((await admin.call(SETTINGS)).status).toBe(200);
  });
});
