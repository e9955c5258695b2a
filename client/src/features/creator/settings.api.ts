import {
  creatorSettingsSchema,
  type CreatorSettingsDto,
  type UpdateCreatorSettingsInput,
} from "@contracts/creator-settings.ts";
import { apiFetch } from "../../lib/api/core.ts";

/** The signed-in creator's profile text and the defaults of a new stream. */
export const getCreatorSettings = (signal?: AbortSignal): Promise<CreatorSettingsDto> =>
  apiFetch("/api/creator/settings", { schema: creatorSettingsSchema, signal });

export const saveCreatorSettings = (input: UpdateCreatorSettingsInput): Promise<CreatorSettingsDto> =>
  apiFetch("/api/creator/settings", { method: "PUT", schema: creatorSettingsSchema, body: input });
