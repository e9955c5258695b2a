import { createContext, useContext, type ParentProps } from "solid-js";
import { useSession } from "../auth/session-context.tsx";
import { browserWalletDeps, createWalletStore, type WalletStore } from "./wallet-store.ts";

const WalletContext = createContext<WalletStore>();

/** Inside <SessionProvider>: the wallet follows whoever is signed in. */
export function WalletProvider(props: ParentProps<{ store?: WalletStore }>) {
  const session = useSession();
  const store =
    props.store ??
    createWalletStore(
      browserWalletDeps(() => (session.status() === "signed-in" ? (session.me()?.user.id ?? null) : null)),
    );
  return <WalletContext.Provider value={store}>{props.children}</WalletContext.Provider>;
}

export function useWallet(): WalletStore {
  const store = useContext(WalletContext);
  if (!store) throw new Error("useWallet must be used inside <WalletProvider>");
  return store;
}
