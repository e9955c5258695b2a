import { createSignal, onCleanup } from "solid-js";

export interface CopyButtonProps {
  /** The text to put on the clipboard. */
  value: string;
  /** What is copied, for the accessible name ("Copy server URL"). */
  label: string;
}

/** Copies a value; says "Copied" (politely announced) for two seconds, or why it could not. */
export function CopyButton(props: CopyButtonProps) {
  const [state, setState] = createSignal<"idle" | "copied" | "failed">("idle");
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const copy = async () => {
    clearTimeout(timer);
    try {
      await navigator.clipboard.writeText(props.value);
      setState("copied");
    } catch (error) {
      console.warn("clipboard refused", error);
      setState("failed");
    }
    timer = setTimeout(() => setState("idle"), 2_000);
  };

  return (
    <button
      type="button"
      aria-label={props.label}
      onClick={() => void copy()}
      class="rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium whitespace-nowrap hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800"
    >
      <span aria-live="polite">{state() === "copied" ? "Copied" : state() === "failed" ? "Copy failed" : "Copy"}</span>
    </button>
  );
}
