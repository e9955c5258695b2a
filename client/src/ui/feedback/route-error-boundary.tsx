import { useLocation } from "@solidjs/router";
import { createEffect, ErrorBoundary, on, type ParentProps } from "solid-js";
import { ErrorFallback } from "./error-fallback.tsx";

/** Catches render errors from the current page; navigating elsewhere clears the error. */
export function RouteErrorBoundary(props: ParentProps) {
  const location = useLocation();
  return (
    <ErrorBoundary
      fallback={(error: unknown, reset) => {
        createEffect(on(() => location.pathname, reset, { defer: true }));
        return <ErrorFallback error={error} reset={reset} />;
      }}
    >
      {props.children}
    </ErrorBoundary>
  );
}
