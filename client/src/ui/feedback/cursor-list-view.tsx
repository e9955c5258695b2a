import { Match, Show, Switch, type ParentProps } from "solid-js";
import { errorMessage } from "../../lib/api/api-error.ts";
import type { CursorList } from "../../lib/cursor-list.ts";
import { EmptyNotice } from "./empty-notice.tsx";
import { ErrorNotice } from "./error-notice.tsx";
import { LoadMore } from "./load-more.tsx";
import { LoadingNotice } from "./loading-notice.tsx";

export interface CursorListViewProps {
  list: CursorList<unknown>;
  loadingLabel: string;
  emptyMessage: string;
  loadMoreLabel: string;
}

/**
 * The states of a "Load more" list around its rows (the children): loading, failed, empty, or the rows
 * with the error of a failed next page and the "Load more" button under them.
 */
export function CursorListView(props: ParentProps<CursorListViewProps>) {
  return (
    <Switch>
      <Match when={props.list.error() && !props.list.loaded()}>
        <ErrorNotice message={errorMessage(props.list.error())} onRetry={() => void props.list.reload()} />
      </Match>
      <Match when={!props.list.loaded()}>
        <LoadingNotice label={props.loadingLabel} />
      </Match>
      <Match when={props.list.items().length === 0}>
        <EmptyNotice message={props.emptyMessage} />
      </Match>
      <Match when={true}>
        {props.children}
        <Show when={props.list.error()}>
          <ErrorNotice message={errorMessage(props.list.error())} onRetry={() => void props.list.loadMore()} />
        </Show>
        <LoadMore
          hasMore={props.list.hasMore()}
          loading={props.list.loading()}
          onLoadMore={() => void props.list.loadMore()}
          label={props.loadMoreLabel}
        />
      </Match>
    </Switch>
  );
}
