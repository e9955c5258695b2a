import { Show } from "solid-js";
import { MoonIcon, SunIcon } from "../icons.tsx";

export interface ThemeToggleProps {
  isDark: boolean;
  onToggle: () => void;
}

export function ThemeToggle(props: ThemeToggleProps) {
  return (
    <button
      type="button"
      aria-label="Toggle dark mode"
      aria-pressed={props.isDark}
      title={props.isDark ? "Switch to light mode" : "Switch to dark mode"}
      onClick={() => props.onToggle()}
      class="rounded-md p-2 text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900 dark:text-neutral-300 dark:hover:bg-neutral-800 dark:hover:text-white"
    >
      <Show when={props.isDark} fallback={<MoonIcon />}>
        <SunIcon />
      </Show>
    </button>
  );
}
