import { Route, Router } from "@solidjs/router";
import { AppShell } from "./components/layout/app-shell.tsx";
import HomePage from "./pages/home.tsx";
import NotFoundPage from "./pages/not-found.tsx";
import { ThemeProvider } from "./stores/theme-context.tsx";

export function App() {
  return (
    <ThemeProvider>
      <Router root={AppShell}>
        <Route path="/" component={HomePage} />
        <Route path="*" component={NotFoundPage} />
      </Router>
    </ThemeProvider>
  );
}
