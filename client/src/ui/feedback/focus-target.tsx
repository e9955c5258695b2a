import { onMount, type JSX, type ParentProps } from "solid-js";

export interface FocusTargetProps {
  role?: "status" | "alert";
  testId?: string;
  class?: string;
  /** Read with the content when a screen reader lands on it. */
  "aria-label"?: string;
}

/**
 * Takes focus when it appears, so the outcome of an action (a booking, a refusal) is where
 * keyboard and screen reader users are, not somewhere up the page. Mount it anew for each outcome.
 */
export function FocusTarget(props: ParentProps<FocusTargetProps>): JSX.Element {
  let element: HTMLDivElement | undefined;
  onMount(() => element?.focus());
  return (
    <div
      ref={element}
      tabindex="-1"
      role={props.role}
      aria-label={props["aria-label"]}
      data-testid={props.testId}
      class={`rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 ${props.class ?? ""}`}
    >
      {props.children}
    </div>
  );
}
