import type { CategoryDto } from "@contracts/categories.ts";
import type { CreatorSettingsDto } from "@contracts/creator-settings.ts";
import {
  createStreamSchema,
  type CreateStreamInput,
  type StreamDto,
  type UpdateStreamInput,
} from "@contracts/streams.ts";
import type { PreviewState } from "./publisher.ts";

export const GO_LIVE_STEPS = [
  { id: "details", label: "Details" },
  { id: "preview", label: "Preview & settings" },
  { id: "live", label: "Go live" },
] as const;
export type GoLiveStep = 0 | 1 | 2;
export type PublishMethod = "browser" | "obs";
export type StepState = "complete" | "current" | "upcoming";

export const stepState = (index: number, current: GoLiveStep): StepState =>
  index < current ? "complete" : index === current ? "current" : "upcoming";

/** Step 1's fields as typed; the tags are chips. */
export interface DetailsValues {
  title: string;
  category: string;
  description: string;
  thumbnailUrl: string;
  tags: string[];
}

/** A new stream starts from the creator's saved defaults (the category by its slug). */
export function detailsFromDefaults(
  defaults: CreatorSettingsDto["defaults"] | null,
  categories: readonly Pick<CategoryDto, "id" | "slug">[],
): DetailsValues {
  const category = categories.find((c) => c.id === defaults?.categoryId)?.slug ?? "";
  return { title: "", category, description: "", thumbnailUrl: "", tags: [...(defaults?.tags ?? [])] };
}

/** A stream set up earlier and not yet live is picked up with what it has. */
export const detailsFromStream = (stream: StreamDto): DetailsValues => ({
  title: stream.title,
  category: stream.category?.slug ?? "",
  description: stream.description ?? "",
  thumbnailUrl: stream.thumbnailUrl ?? "",
  tags: [...stream.tags],
});

export type DetailsCheck =
  { ok: true; input: CreateStreamInput } | { ok: false; errors: Partial<Record<keyof DetailsValues, string>> };

/** Step 1 may be left when the API's own schema accepts it; otherwise each field's first error. */
export function validateDetails(values: DetailsValues): DetailsCheck {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const parsed = createStreamSchema.safeParse({
    title: values.title.trim(),
    category: optional(values.category),
    description: optional(values.description),
    thumbnailUrl: optional(values.thumbnailUrl),
    tags: values.tags,
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: Partial<Record<keyof DetailsValues, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (
      field === "title" ||
      field === "category" ||
      field === "description" ||
      field === "thumbnailUrl" ||
      field === "tags"
    ) {
      errors[field] ??= issue.message;
    }
  }
  return { ok: false, errors };
}

/**
 * The same details as a PATCH of a stream that exists: blanks clear what was there, except a
 * thumbnail uploaded on step 2 (the upload stored it on the stream; the URL field does not hold it).
 */
export function toUpdateInput(input: CreateStreamInput, options: { keepThumbnail?: boolean } = {}): UpdateStreamInput {
  const update: UpdateStreamInput = {
    title: input.title,
    category: input.category ?? null,
    description: input.description ?? null,
    tags: input.tags ?? [],
  };
  if (!options.keepThumbnail || input.thumbnailUrl) update.thumbnailUrl = input.thumbnailUrl ?? null;
  return update;
}

/** Step 2 may be left for the browser once the camera or microphone is on; OBS needs nothing here. */
export function previewBlocker(method: PublishMethod, preview: PreviewState): string | null {
  if (method === "obs") return null;
  if (preview === "on") return null;
  if (preview === "starting") return "Wait for the camera to start.";
  return "Turn on your camera or microphone to stream from this browser, or choose OBS.";
}
