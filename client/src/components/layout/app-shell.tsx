import type { ParentProps } from "solid-js";
import { useTheme } from "../../stores/theme-context.tsx";
import { RouteErrorBoundary } from "../route-error-boundary.tsx";
import { Footer } from "./footer.tsx";
import { Navbar } from "./navbar.tsx";

/** Router root: navbar, the routed page (behind the error boundary), footer. */
export function AppShell(props: ParentProps) {
  const theme = useTheme();
  let main: HTMLElement | undefined;
  const skipToContent = (event: MouseEvent) => {
    event.preventDefault();
    main?.focus();
  };
  return (
    <div class="flex min-h-dvh flex-col">
      <a
        href="#main"
        onClick={skipToContent}
        class="sr-only rounded-md bg-indigo-600 px-3 py-2 text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to content
      </a>
      <Navbar isDark={theme.theme() === "dark"} onToggleTheme={theme.toggle} />
      <main
        ref={main}
        id="main"
        tabindex="-1"
        class="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none sm:px-6"
      >
        <RouteErrorBoundary>{props.children}</RouteErrorBoundary>
      </main>
      <Footer />
    </div>
  );
}
