import type { ParentProps } from "solid-js";

export type BadgeTone = "green" | "amber" | "red" | "blue" | "violet" | "neutral" | "indigo";

const TONES: Record<BadgeTone, string> = {
  green: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  amber: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
  red: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  blue: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200",
  violet: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-200",
  indigo: "bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200",
  neutral: "bg-neutral-100 text-neutral-700 dark:bg-neutral-800 dark:text-neutral-200",
};

/** A small pill; the text carries the meaning, the colour only repeats it. */
export function Badge(props: ParentProps<{ tone: BadgeTone; testId?: string }>) {
  return (
    <span
      data-testid={props.testId}
      class={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[props.tone]}`}
    >
      {props.children}
    </span>
  );
}
