import { Match, Switch, type JSX, type Resource } from "solid-js";
import { errorMessage } from "../../lib/api/api-error.ts";
import { EmptyNotice } from "./empty-notice.tsx";
import { ErrorNotice } from "./error-notice.tsx";
import { LoadingNotice } from "./loading-notice.tsx";

export interface ResourceListViewProps<T> {
  /** A list loaded by `createResource`. */
  resource: Resource<T[]>;
  onRetry: () => void;
  loadingLabel: string;
  emptyMessage: string;
  /** Gets the items as an accessor, so the rendered list follows refetches and local updates. */
  children: (items: () => T[]) => JSX.Element;
}

/**
 * The four states of a loaded list: failed (with Retry), loading, empty, or the items. The last good
 * list stays up while a refetch runs; a failed load shows the error instead.
 */
export function ResourceListView<T>(props: ResourceListViewProps<T>) {
  const items = () => (props.resource.error ? undefined : props.resource.latest);
  return (
    <Switch>
      <Match when={props.resource.error && !items()}>
        <ErrorNotice message={errorMessage(props.resource.error)} onRetry={props.onRetry} />
      </Match>
      <Match when={!items()}>
        <LoadingNotice label={props.loadingLabel} />
      </Match>
      <Match when={items()?.length === 0}>
        <EmptyNotice message={props.emptyMessage} />
      </Match>
      <Match when={items()}>{(current) => props.children(current)}</Match>
    </Switch>
  );
}
