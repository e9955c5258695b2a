import { Navigate, useLocation } from "@solidjs/router";
import { Match, Switch, type ParentProps } from "solid-js";
import { errorMessage } from "../../lib/api/api-error.ts";
import { loginPath } from "../../lib/redirect.ts";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { AccessDenied } from "./access-denied.tsx";
import { canAccess, type Area } from "./access.ts";
import { useSession } from "./session-context.tsx";

/**
 * Renders its children only for a signed-in user whose role may open `area`. Signed-out visitors
 * go to the login page, which brings them back here; other roles see "Access denied".
 * The API checks the same rules on every request: this only decides what to show.
 */
export function RequireRole(props: ParentProps<{ area: Area }>) {
  const session = useSession();
  const location = useLocation();
  const denied = () => {
    const role = session.me()?.user.role;
    return role !== undefined && !canAccess(role, props.area);
  };

  return (
    <Switch>
      <Match when={session.status() === "loading"}>
        <LoadingNotice label="Checking your session…" />
      </Match>
      <Match when={session.status() === "signed-out" && session.error()}>
        {/* We could not ask the server; sending the user to log in would be a guess. */}
        <ErrorNotice message={errorMessage(session.error())} onRetry={() => void session.reload()} />
      </Match>
      <Match when={session.status() === "signed-out"}>
        <Navigate href={loginPath(`${location.pathname}${location.search}`)} />
      </Match>
      <Match when={denied()}>
        <AccessDenied />
      </Match>
      <Match when={true}>{props.children}</Match>
    </Switch>
  );
}

/** Any signed-in user. */
export function Protected(props: ParentProps) {
  return <RequireRole area="signedIn">{props.children}</RequireRole>;
}
