import type { DiscoverParams } from "./streams.api.ts";

/** /browse keeps its filters in the URL (?q=&category=&live=1) so a search can be shared and Back works. */
export interface BrowseFilters {
  q: string;
  category: string;
  liveOnly: boolean;
}

type Params = Partial<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export function filtersFromParams(params: Params): BrowseFilters {
  return {
    q: first(params.q).slice(0, 100),
    category: /^[a-z0-9-]{1,64}$/.test(first(params.category)) ? first(params.category) : "",
    liveOnly: first(params.live) === "1",
  };
}

/** The search params for setSearchParams: empty filters leave the URL. */
export function paramsFromFilters(f: BrowseFilters): Record<string, string | undefined> {
  return { q: f.q.trim() || undefined, category: f.category || undefined, live: f.liveOnly ? "1" : undefined };
}

export function discoverParams(f: BrowseFilters, limit: number): DiscoverParams {
  return {
    status: f.liveOnly ? "live" : "all",
    ...(f.q.trim() ? { search: f.q.trim() } : {}),
    ...(f.category ? { category: f.category } : {}),
    limit,
  };
}
