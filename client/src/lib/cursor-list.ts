import { batch, createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from "solid-js";

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CursorList<T> {
  items: Accessor<T[]>;
  /** A page is being fetched (the first one or "Load more"). */
  loading: Accessor<boolean>;
  /** The first page has arrived at least once for the current key. */
  loaded: Accessor<boolean>;
  error: Accessor<unknown>;
  hasMore: Accessor<boolean>;
  loadMore: () => Promise<void>;
  /** Starts over from the first page (after a purchase, say). */
  reload: () => Promise<void>;
}

export interface CursorListOptions<T, K> {
  /** What the list is of (a filter); a change starts the list over. */
  key: Accessor<K>;
  fetchPage: (key: K, cursor: string | undefined, signal: AbortSignal) => Promise<CursorPage<T>>;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === "AbortError";

/** A keyset-paginated list ("Load more"), as the API's `{ …, nextCursor }` pages give it. */
export function createCursorList<T, K>(options: CursorListOptions<T, K>): CursorList<T> {
  const [items, setItems] = createSignal<T[]>([]);
  const [loading, setLoading] = createSignal(true);
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [cursor, setCursor] = createSignal<string | null>(null);
  let controller: AbortController | undefined;
  const key = createMemo(options.key);

  const load = async (fromStart: boolean, clear = false) => {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    batch(() => {
      setLoading(true);
      setError(null);
      if (clear) {
        setItems([]);
        setCursor(null);
        setLoaded(false);
      }
    });
    try {
      const page = await options.fetchPage(key(), fromStart ? undefined : (cursor() ?? undefined), current.signal);
      if (controller !== current) return;
      batch(() => {
        setItems((previous) => (fromStart ? page.items : [...previous, ...page.items]));
        setCursor(page.nextCursor);
        setLoaded(true);
      });
    } catch (cause) {
      if (controller !== current || isAbort(cause)) return;
      setError(cause);
    } finally {
      if (controller === current) {
        setLoading(false);
        controller = undefined;
      }
    }
  };

  // A new key shows an empty list while loading; a reload keeps the old rows until the new ones arrive.
  createEffect(on(key, () => void load(true, true)));
  onCleanup(() => controller?.abort());

  return {
    items,
    loading,
    loaded,
    error,
    hasMore: () => cursor() !== null,
    loadMore: () => (cursor() === null || loading() ? Promise.resolve() : load(false)),
    reload: () => load(true),
  };
}
