import { MAX_STREAM_TAG_LENGTH, MAX_STREAM_TAGS } from "@contracts/streams.ts";

/** A tag as the API stores it: trimmed and lower-cased. */
export const normalizeTag = (raw: string): string => raw.trim().toLowerCase();

/** What the creator typed or pasted, cut at commas: blanks dropped. */
export function splitTagInput(text: string): string[] {
  return text
    .split(",")
    .map(normalizeTag)
    .filter((tag) => tag.length > 0);
}

export type AddTagsResult = { tags: string[]; added: string[]; error: string | null };

/**
 * Adds the candidates to the list by the streams' rules (each once, at most 24 characters, at most
 * 10 tags); the first rule broken becomes the message, and the candidates before it are kept.
 */
export function addTags(current: readonly string[], candidates: readonly string[]): AddTagsResult {
  const tags = [...current];
  const added: string[] = [];
  for (const raw of candidates) {
    const tag = normalizeTag(raw);
    if (!tag || tags.includes(tag)) continue;
    if (tag.length > MAX_STREAM_TAG_LENGTH) {
      return { tags, added, error: `A tag has at most ${MAX_STREAM_TAG_LENGTH} characters` };
    }
    if (tags.length >= MAX_STREAM_TAGS) return { tags, added, error: `At most ${MAX_STREAM_TAGS} tags` };
    tags.push(tag);
    added.push(tag);
  }
  return { tags, added, error: null };
}
