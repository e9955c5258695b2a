import { formatCredits } from "../../contracts/money.ts";
import type { StreamDto } from "../../contracts/streams.ts";
import { getCategoriesById } from "../categories/index.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { getPublicProfiles } from "../users/index.ts";
import type { Stream } from "./streams.schema.ts";

/**
 * Streams as the API sends them, with creator and category looked up through their domains.
 * ratePerMinute (millicredits per minute) comes from the metering domain, by stream id.
 */
export async function toStreamDtos(
  db: DbOrTx,
  rows: readonly Stream[],
  rates: ReadonlyMap<string, bigint>,
): Promise<StreamDto[]> {
  // One after the other on the request's one connection: in parallel they would open a second.
  const profiles = await getPublicProfiles(
    db,
    rows.map((r) => r.creatorId),
  );
  const categories = await getCategoriesById(
    db,
    rows.flatMap((r) => (r.categoryId ? [r.categoryId] : [])),
  );
  return rows.map((r) => {
    const profile = profiles.get(r.creatorId);
    const category = r.categoryId ? categories.get(r.categoryId) : undefined;
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      status: r.status,
      category: category ? { slug: category.slug, name: category.name } : null,
      thumbnailUrl: r.thumbnailUrl,
      tags: r.tags,
      creator: {
        id: r.creatorId,
        displayName: profile?.displayName ?? "Creator",
        avatarUrl: profile?.avatarUrl ?? null,
      },
      viewerCount: r.status === "LIVE" || r.status === "PAUSED" ? r.viewerCount : 0,
      ratePerMinute: formatCredits(rates.get(r.id) ?? r.ratePerMinute),
      startedAt: r.startedAt?.toISOString() ?? null,
      endedAt: r.endedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    };
  });
}
