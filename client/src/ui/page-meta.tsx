import { Meta, Title } from "@solidjs/meta";
import { Show } from "solid-js";

/** Title, description and Open Graph tags of a public page (link previews, search engines). */
export function PageMeta(props: { title: string; description: string; image?: string | null | undefined }) {
  const title = () => `${props.title} · Tollgate`;
  return (
    <>
      <Title>{title()}</Title>
      <Meta name="description" content={props.description} />
      <Meta property="og:title" content={title()} />
      <Meta property="og:description" content={props.description} />
      <Meta property="og:type" content="website" />
      <Show when={props.image}>{(image) => <Meta property="og:image" content={image()} />}</Show>
    </>
  );
}
