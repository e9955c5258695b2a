import { batch, createEffect, createSignal, on, onCleanup, type Accessor } from "solid-js";
import type { StreamDto } from "@contracts/streams.ts";
import { ApiError } from "../../lib/api/api-error.ts";
import { getStream } from "./streams.api.ts";

export interface StreamPoller {
  /** The last answer; kept while a later read fails. */
  stream: Accessor<StreamDto | null>;
  error: Accessor<unknown>;
  /** The stream does not exist (404): polling stopped. */
  missing: Accessor<boolean>;
  refresh: () => Promise<void>;
}

export interface StreamPollerOptions {
  streamId: Accessor<string | null>;
  /** How often to read it again, given the last answer (faster while waiting for it to go live). */
  intervalMs: (stream: StreamDto | null) => number;
  fetchStream?: (streamId: string, signal: AbortSignal) => Promise<StreamDto>;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === "AbortError";

/** A stream's status and viewer count, read again every few seconds while the tab is visible. */
export function createStreamPoller(options: StreamPollerOptions): StreamPoller {
  const fetchStream =
    options.fetchStream ?? (async (id: string, signal: AbortSignal) => (await getStream(id, signal)).stream);
  const [stream, setStream] = createSignal<StreamDto | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const [missing, setMissing] = createSignal(false);
  let controller: AbortController | undefined;

  const refresh = async () => {
    const id = options.streamId();
    if (!id || missing()) return;
    controller?.abort();
    const current = new AbortController();
    controller = current;
    try {
      const next = await fetchStream(id, current.signal);
      if (controller !== current) return;
      batch(() => {
        setStream(next);
        setError(null);
      });
    } catch (cause) {
      if (controller !== current || isAbort(cause)) return;
      batch(() => {
        setError(cause);
        if (cause instanceof ApiError && cause.status === 404) setMissing(true);
      });
    }
  };

  createEffect(
    on(options.streamId, (id) => {
      controller?.abort();
      batch(() => {
        setStream(null);
        setError(null);
        setMissing(false);
      });
      if (id) void refresh();
    }),
  );

  createEffect(() => {
    const ms = options.intervalMs(stream());
    if (!options.streamId()) return;
    const timer = setInterval(() => {
      if (document.visibilityState !== "hidden") void refresh();
    }, ms);
    onCleanup(() => clearInterval(timer));
  });
  const onVisible = () => {
    if (document.visibilityState !== "hidden") void refresh();
  };
  document.addEventListener("visibilitychange", onVisible);
  onCleanup(() => {
    document.removeEventListener("visibilitychange", onVisible);
    controller?.abort();
  });

  return { stream, error, missing, refresh };
}
