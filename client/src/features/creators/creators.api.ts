import { creatorProfileSchema } from "@contracts/creators.ts";
import { apiFetch, segment } from "../../lib/api/core.ts";

export const getCreatorProfile = (creatorId: string, signal?: AbortSignal) =>
  apiFetch(`/api/creators/${segment(creatorId)}`, { schema: creatorProfileSchema, signal });
