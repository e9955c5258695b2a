import type { CreatorSettingsDto, StreamQuality } from "@contracts/creator-settings.ts";

/** The settings form's strings, keyed by the API's field paths so its errors land on the right field. */
export type SettingsValues = {
  "profile.displayName": string;
  "profile.bio": string;
  "defaults.categoryId": string;
  "defaults.quality": string;
  /** Never typed into: the tag chips live beside the form; this key only receives their errors. */
  "defaults.tags": string;
};

export const toSettingsValues = (settings: CreatorSettingsDto): SettingsValues => ({
  "profile.displayName": settings.profile.displayName,
  "profile.bio": settings.profile.bio ?? "",
  "defaults.categoryId": settings.defaults.categoryId ?? "",
  "defaults.quality": settings.defaults.quality,
  "defaults.tags": "",
});

/** The PUT body: blanks become "no category", the chips are the tags. */
export function toSettingsInput(values: SettingsValues, tags: readonly string[]) {
  return {
    profile: { displayName: values["profile.displayName"], bio: values["profile.bio"] },
    defaults: {
      categoryId: values["defaults.categoryId"] || null,
      tags: [...tags],
      quality: values["defaults.quality"] as StreamQuality,
    },
  };
}

/** "12 / 500 characters", counted as the server counts: the trimmed text. */
export const charactersLeftLabel = (text: string, max: number): string => `${text.trim().length} / ${max} characters`;
