import { createContext, useContext, type ParentProps } from "solid-js";
import { createThemeStore, type ThemeStore } from "./theme-store.ts";

const ThemeContext = createContext<ThemeStore>();

export function ThemeProvider(props: ParentProps<{ store?: ThemeStore }>) {
  const store = props.store ?? createThemeStore();
  return <ThemeContext.Provider value={store}>{props.children}</ThemeContext.Provider>;
}

export function useTheme(): ThemeStore {
  const store = useContext(ThemeContext);
  if (!store) throw new Error("useTheme must be used inside <ThemeProvider>");
  return store;
}
