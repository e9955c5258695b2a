import { A } from "@solidjs/router";
import { createResource, createSignal, Show } from "solid-js";
import type { PriceDto } from "@contracts/prices.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { createForm } from "../../lib/form.ts";
import { Modal } from "../../ui/dialog/modal.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { ResourceListView } from "../../ui/feedback/resource-list-view.tsx";
import { PriceEditor } from "./price-editor.tsx";
import {
  createPriceFormSchema,
  editPriceFormSchema,
  emptyPriceForm,
  priceFormValues,
  toggleActiveBody,
} from "./price-form.ts";
import { PriceTable } from "./price-table.tsx";
import { createPrice, listAllPrices, updatePrice } from "./prices.api.ts";

/** /admin/prices: the credit packages, on sale or not; create, edit, hide. */
export default function AdminPricesPage() {
  const [prices, { mutate, refetch }] = createResource(async () => (await listAllPrices()).prices);
  const [editing, setEditing] = createSignal<PriceDto | null>(null);
  const [togglingId, setTogglingId] = createSignal<string | null>(null);
  const [tableError, setTableError] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal("");
  const [createdCount, setCreatedCount] = createSignal(1);

  const list = () => (prices.error ? undefined : prices.latest);
  const onSale = (exceptId?: string) => (list() ?? []).filter((p) => p.active && p.id !== exceptId);
  const replace = (price: PriceDto) => mutate((current) => current?.map((p) => (p.id === price.id ? price : p)));

  const toggle = async (price: PriceDto) => {
    setTogglingId(price.id);
    setTableError(null);
    try {
      const { price: saved } = await updatePrice(price.id, toggleActiveBody(price));
      replace(saved);
      setNotice(`${saved.name} is ${saved.active ? "on sale" : "hidden from buyers"}.`);
    } catch (error) {
      setTableError(`Could not change ${price.name}: ${errorMessage(error)}`);
    } finally {
      setTogglingId(null);
    }
  };

  return (
    <div class="flex flex-col gap-8">
      <header>
        <A href="/admin" class="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          ← Admin
        </A>
        <h1 class="mt-2 text-3xl font-bold tracking-tight">Price packages</h1>
        <p class="mt-2 max-w-2xl text-neutral-600 dark:text-neutral-400">
          The credit packages buyers can choose from. Hidden packages stay in the history of past payments.
        </p>
      </header>

      <p role="status" class="sr-only" data-testid="admin-prices-status">
        {notice()}
      </p>

      <section aria-labelledby="packages-heading" aria-busy={prices.loading} class="flex flex-col gap-4">
        <h2 id="packages-heading" class="text-xl font-semibold">
          All packages
        </h2>
        <Show when={tableError()}>{(message) => <ErrorNotice message={message()} />}</Show>
        <ResourceListView
          resource={prices}
          onRetry={() => void refetch()}
          loadingLabel="Loading packages…"
          emptyMessage="No packages yet. Create the first one below."
        >
          {(current) => (
            <PriceTable
              prices={current()}
              togglingId={togglingId()}
              onToggle={(price) => void toggle(price)}
              onEdit={setEditing}
            />
          )}
        </ResourceListView>
      </section>

      <section aria-labelledby="create-heading" class="flex flex-col gap-4">
        <h2 id="create-heading" class="text-xl font-semibold">
          New package
        </h2>
        {/* Keyed on a counter: a fresh, empty form after each package created. */}
        <Show when={createdCount()} keyed>
          <CreatePriceForm
            onSale={onSale()}
            onCreated={(price) => {
              mutate((current) => [...(current ?? []), price].sort((a, b) => a.credits - b.credits));
              setNotice(`Created ${price.name}.`);
              setCreatedCount((n) => n + 1);
            }}
          />
        </Show>
      </section>

      <Modal open={editing() !== null} title={`Edit ${editing()?.name ?? "package"}`} onClose={() => setEditing(null)}>
        <Show when={editing()} keyed>
          {(price) => (
            <EditPriceForm
              price={price}
              onSale={onSale(price.id)}
              onSaved={(saved) => {
                replace(saved);
                setNotice(`Saved ${saved.name}.`);
                setEditing(null);
              }}
              onCancel={() => setEditing(null)}
            />
          )}
        </Show>
      </Modal>
    </div>
  );
}

function CreatePriceForm(props: { onSale: PriceDto[]; onCreated: (price: PriceDto) => void }) {
  const form = createForm({
    initial: emptyPriceForm,
    schema: createPriceFormSchema,
    submit: createPrice,
    onSuccess: ({ price }) => props.onCreated(price),
  });
  return (
    <PriceEditor
      form={form}
      mode="create"
      submitLabel="Create package"
      pendingLabel="Creating…"
      onSale={props.onSale}
    />
  );
}

function EditPriceForm(props: {
  price: PriceDto;
  onSale: PriceDto[];
  onSaved: (price: PriceDto) => void;
  onCancel: () => void;
}) {
  const form = createForm({
    initial: priceFormValues(props.price),
    schema: editPriceFormSchema(props.price),
    submit: (changes) => updatePrice(props.price.id, changes),
    onSuccess: ({ price }) => props.onSaved(price),
  });
  return (
    <PriceEditor
      form={form}
      mode="edit"
      submitLabel="Save changes"
      pendingLabel="Saving…"
      onSale={props.onSale}
      onCancel={props.onCancel}
    />
  );
}
