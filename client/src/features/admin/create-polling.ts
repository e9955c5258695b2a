import { onCleanup, onMount } from "solid-js";

/**
 * Calls `tick` every `intervalMs` while the tab is visible; a hidden tab stops polling and a tab
 * coming back polls at once. Stops when the owning component goes away.
 */
export function createPolling(tick: () => void, intervalMs: number): void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  const start = () => {
    stop();
    timer = setInterval(tick, intervalMs);
  };
  const onVisibility = () => {
    if (document.visibilityState === "visible") {
      tick();
      start();
    } else {
      stop();
    }
  };
  onMount(() => {
    document.addEventListener("visibilitychange", onVisibility);
    if (document.visibilityState === "visible") start();
  });
  onCleanup(() => {
    stop();
    document.removeEventListener("visibilitychange", onVisibility);
  });
}
