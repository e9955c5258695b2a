/** Recent searches on /browse, kept in this browser only (newest first, no duplicates). */
export const RECENT_SEARCHES_KEPT = 5;
const STORAGE_KEY = "tollgate:recent-searches";

export function rememberSearch(previous: readonly string[], search: string): string[] {
  const term = search.trim();
  if (!term) return [...previous];
  const rest = previous.filter((p) => p.toLowerCase() !== term.toLowerCase());
  return [term, ...rest].slice(0, RECENT_SEARCHES_KEPT);
}

export function parseRecentSearches(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.filter((v): v is string => typeof v === "string" && v.trim() !== "").slice(0, RECENT_SEARCHES_KEPT);
  } catch {
    return [];
  }
}

export function loadRecentSearches(): string[] {
  try {
    return parseRecentSearches(localStorage.getItem(STORAGE_KEY));
  } catch {
    return []; // storage disabled: nothing remembered
  }
}

export function saveRecentSearches(list: readonly string[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
  } catch {
    return; // storage full or disabled: the search still works
  }
}
