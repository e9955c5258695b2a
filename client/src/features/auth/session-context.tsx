import { createContext, useContext, type ParentProps } from "solid-js";
import { createSessionStore, type SessionStore } from "./session-store.ts";

const SessionContext = createContext<SessionStore>();

export function SessionProvider(props: ParentProps<{ store?: SessionStore }>) {
  const store = props.store ?? createSessionStore();
  return <SessionContext.Provider value={store}>{props.children}</SessionContext.Provider>;
}

export function useSession(): SessionStore {
  const store = useContext(SessionContext);
  if (!store) throw new Error("useSession must be used inside <SessionProvider>");
  return store;
}
