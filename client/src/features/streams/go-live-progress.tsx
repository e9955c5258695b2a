import { For } from "solid-js";
import { GO_LIVE_STEPS, stepState, type GoLiveStep } from "./go-live-steps.ts";

/** Where the creator is in the wizard: an ordered list, the current step marked for assistive tech. */
export function GoLiveProgress(props: { current: GoLiveStep }) {
  return (
    <nav aria-label="Go-live progress">
      <ol class="flex flex-wrap gap-x-6 gap-y-2 text-sm" data-testid="go-live-progress">
        <For each={GO_LIVE_STEPS}>
          {(step, index) => {
            const state = () => stepState(index(), props.current);
            return (
              <li
                class="flex items-center gap-2"
                aria-current={state() === "current" ? "step" : undefined}
                data-state={state()}
              >
                <span
                  aria-hidden="true"
                  class="flex size-7 items-center justify-center rounded-full border text-xs font-semibold"
                  classList={{
                    "border-red-600 bg-red-600 text-white": state() === "current",
                    "border-emerald-600 bg-emerald-600 text-white": state() === "complete",
                    "border-neutral-300 text-neutral-500 dark:border-neutral-700": state() === "upcoming",
                  }}
                >
                  {state() === "complete" ? "✓" : index() + 1}
                </span>
                <span classList={{ "font-semibold": state() === "current" }}>
                  {step.label}
                  <span class="sr-only">
                    {state() === "complete" ? " (done)" : state() === "upcoming" ? " (not yet)" : ""}
                  </span>
                </span>
              </li>
            );
          }}
        </For>
      </ol>
    </nav>
  );
}
