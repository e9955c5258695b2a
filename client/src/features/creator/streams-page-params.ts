import {
  CREATOR_STREAM_FILTERS,
  CREATOR_STREAM_SORTS,
  type CreatorStreamSort,
  type CreatorStreamsQuery,
  type SortDirection,
} from "@contracts/creator-streams.ts";

/**
 * /creator/streams keeps its filters, sort and page in the URL (?status=&from=&to=&q=&sort=&dir=&page=),
 * so Back, reload and a shared link show the same list. Defaults stay out of the URL.
 */
export interface StreamsView {
  status: CreatorStreamsQuery["status"];
  from: string;
  to: string;
  q: string;
  sort: CreatorStreamSort;
  dir: SortDirection;
  page: number;
}

export const PAGE_SIZE = 20;
export const DEFAULT_VIEW: StreamsView = { status: "all", from: "", to: "", q: "", sort: "date", dir: "desc", page: 1 };

type Params = Partial<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const oneOf = <T extends string>(values: readonly T[], v: string, fallback: T): T =>
  (values as readonly string[]).includes(v) ? (v as T) : fallback;

/** What the URL asks for; anything malformed falls back to the default rather than a 400. */
export function viewFromParams(params: Params): StreamsView {
  const page = Number(first(params.page));
  const from = isDay(first(params.from)) ? first(params.from) : "";
  const to = isDay(first(params.to)) ? first(params.to) : "";
  return {
    status: oneOf(CREATOR_STREAM_FILTERS, first(params.status), DEFAULT_VIEW.status),
    // A reversed range keeps its start only: the API would refuse both.
    from,
    to: from && to && to < from ? "" : to,
    q: first(params.q).slice(0, 100),
    sort: oneOf(CREATOR_STREAM_SORTS, first(params.sort), DEFAULT_VIEW.sort),
    dir: oneOf(
      ["asc", "desc"] as const,
      first(params.dir),
      defaultDirection(oneOf(CREATOR_STREAM_SORTS, first(params.sort), DEFAULT_VIEW.sort)),
    ),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** For setSearchParams: a default value removes its key. */
export function paramsFromView(view: StreamsView): Record<string, string | undefined> {
  return {
    status: view.status === DEFAULT_VIEW.status ? undefined : view.status,
    from: view.from || undefined,
    to: view.to || undefined,
    q: view.q.trim() || undefined,
    sort: view.sort === DEFAULT_VIEW.sort ? undefined : view.sort,
    dir: view.dir === defaultDirection(view.sort) ? undefined : view.dir,
    page: view.page === 1 ? undefined : String(view.page),
  };
}

/** The API query of a view. */
export function queryOfView(view: StreamsView): Partial<CreatorStreamsQuery> {
  return {
    status: view.status,
    sort: view.sort,
    dir: view.dir,
    page: view.page,
    limit: PAGE_SIZE,
    ...(view.from ? { from: view.from } : {}),
    ...(view.to ? { to: view.to } : {}),
    ...(view.q.trim() ? { search: view.q.trim() } : {}),
  };
}

/** Names read A→Z first; numbers and dates biggest and newest first. */
export function defaultDirection(sort: CreatorStreamSort): SortDirection {
  return sort === "title" || sort === "status" ? "asc" : "desc";
}

/** A click on a column header: the same column flips its direction, another starts at its default. */
export function toggleSort(view: StreamsView, sort: CreatorStreamSort): StreamsView {
  const dir = view.sort === sort ? (view.dir === "asc" ? "desc" : "asc") : defaultDirection(sort);
  return { ...view, sort, dir, page: 1 };
}

/** "1 h 05 min", "12 min", "45 s"; an em dash when it never went live. */
export function durationLabel(seconds: number | null): string {
  if (seconds === null) return "—";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (h > 0) return `${h} h ${String(m).padStart(2, "0")} min`;
  if (m > 0) return `${m} min`;
  return `${seconds} s`;
}

/** Pages of `total` rows: at least one, so "Page 1 of 1" reads right for an empty list. */
export const pageCount = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));
