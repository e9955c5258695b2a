import { createEffect, createSignal, on, onCleanup, type Accessor } from "solid-js";

/**
 * Follows `source` once it has held still for `ms` (a search box that should not query on every
 * keystroke). `flush()` takes the current value at once (the user pressed Enter).
 */
export function createDebounced<T>(source: Accessor<T>, ms: number): [value: Accessor<T>, flush: () => void] {
  const [value, setValue] = createSignal<T>(source());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  createEffect(
    on(
      source,
      (next) => {
        cancel();
        timer = setTimeout(() => {
          timer = undefined;
          setValue(() => next);
        }, ms);
      },
      { defer: true },
    ),
  );
  onCleanup(cancel);
  return [
    value,
    () => {
      cancel();
      setValue(() => source());
    },
  ];
}
