export function EmptyNotice(props: { message: string }) {
  return (
    <p class="rounded-lg border border-dashed border-neutral-300 p-6 text-center text-sm text-neutral-500 dark:border-neutral-700 dark:text-neutral-400">
      {props.message}
    </p>
  );
}
