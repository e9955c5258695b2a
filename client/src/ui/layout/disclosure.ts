import { useLocation } from "@solidjs/router";
import { createEffect, createSignal, on, onCleanup } from "solid-js";

/**
 * A navbar disclosure (a button and the panel it opens): closes on navigation, on a pointer down
 * outside `root`, and on Escape, which gives focus back to the button.
 */
export function createDisclosure() {
  const [open, setOpen] = createSignal(false);
  const location = useLocation();
  let root: HTMLElement | undefined;
  let button: HTMLButtonElement | undefined;

  createEffect(
    on(
      () => location.pathname,
      () => setOpen(false),
      { defer: true },
    ),
  );
  createEffect(() => {
    if (!open()) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !root?.contains(event.target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    onCleanup(() => document.removeEventListener("pointerdown", onPointerDown));
  });

  return {
    open,
    setOpen,
    toggle: () => setOpen((value) => !value),
    rootRef: (el: HTMLElement) => (root = el),
    buttonRef: (el: HTMLButtonElement) => (button = el),
    /** Whether a node is inside the disclosure (the button or its panel). */
    contains: (node: Node) => root?.contains(node) ?? false,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !open()) return;
      setOpen(false);
      button?.focus();
    },
  };
}
