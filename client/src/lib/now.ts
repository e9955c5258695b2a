import { createSignal, onCleanup, type Accessor } from "solid-js";

/** The time (epoch ms), refreshed every `intervalMs`: for countdowns and running durations. */
export function createNow(intervalMs = 1_000): Accessor<number> {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), intervalMs);
  onCleanup(() => clearInterval(timer));
  return now;
}
