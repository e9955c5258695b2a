import { Show } from "solid-js";
import type { PriceDto } from "@contracts/prices.ts";
import type { FormState } from "../../lib/form.ts";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { SubmitButton } from "../../ui/forms/submit-button.tsx";
import { TextField } from "../../ui/forms/text-field.tsx";
import { PriceCard } from "../payments/price-card.tsx";
import { BuyButton } from "../payments/price-grid.tsx";
import { previewPrice, PREVIEW_PRICE_ID, type PriceFormValues } from "./price-form.ts";
import { bestValuePriceId } from "./prices.ts";

export interface PriceEditorProps {
  form: FormState<PriceFormValues>;
  mode: "create" | "edit";
  submitLabel: string;
  pendingLabel: string;
  /** The other packages on sale, to tell whether this one would be the best value. */
  onSale: PriceDto[];
  onCancel?: () => void;
}

/** The fields of a credit package, beside a live preview of the card buyers will see. */
export function PriceEditor(props: PriceEditorProps) {
  const values = () => props.form.values();
  const preview = () => previewPrice(values());
  const bestValue = () => {
    const card = preview();
    return !!card && card.active && bestValuePriceId([...props.onSale, card]) === PREVIEW_PRICE_ID;
  };

  return (
    <div class="grid gap-6 md:grid-cols-[1fr_18rem]">
      <form noValidate onSubmit={props.form.handleSubmit} class="flex flex-col gap-4">
        <Show when={props.form.formError()}>{(message) => <ErrorNotice message={message()} />}</Show>
        <Show
          when={props.mode === "create"}
          fallback={
            <p class="text-sm">
              <span class="text-neutral-500 dark:text-neutral-400">Product code: </span>
              <code>{values().productCode}</code>
            </p>
          }
        >
          <TextField
            {...props.form.field("productCode")}
            label="Product code"
            required
            autocomplete="off"
            hint="Permanent id, e.g. credits_2500: lowercase letters, digits, _ or -."
          />
        </Show>
        <TextField {...props.form.field("name")} label="Name" required autocomplete="off" />
        <div class="grid gap-4 sm:grid-cols-3">
          <TextField {...props.form.field("credits")} label="Credits" required inputmode="numeric" autocomplete="off" />
          <TextField
            {...props.form.field("amountCents")}
            label="Price"
            required
            inputmode="decimal"
            autocomplete="off"
            hint="In dollars, e.g. 12.34"
          />
          <TextField {...props.form.field("currency")} label="Currency" required autocomplete="off" />
        </div>
        <Show when={props.mode === "create"}>
          <label class="flex items-center gap-2 text-sm font-medium">
            <input
              type="checkbox"
              name="active"
              checked={values().active === "true"}
              onChange={(event) => props.form.setValue("active", event.currentTarget.checked ? "true" : "false")}
              class="size-4 accent-indigo-600"
            />
            On sale (visible to buyers)
          </label>
        </Show>
        <div class="flex flex-wrap gap-3">
          <div class="min-w-40">
            <SubmitButton label={props.submitLabel} pendingLabel={props.pendingLabel} pending={props.form.pending()} />
          </div>
          <Show when={props.onCancel}>
            {(cancel) => (
              <button
                type="button"
                onClick={() => cancel()()}
                class="rounded-md border border-neutral-300 px-4 py-2 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800"
              >
                Cancel
              </button>
            )}
          </Show>
        </div>
      </form>

      <section aria-label="Preview" data-testid="price-preview">
        <h3 class="mb-2 text-sm font-medium text-neutral-500 dark:text-neutral-400">Preview</h3>
        <Show
          when={preview()}
          fallback={
            <p class="rounded-xl border border-dashed border-neutral-300 p-5 text-sm text-neutral-500 dark:border-neutral-700 dark:text-neutral-400">
              Enter credits and a price to preview the card.
            </p>
          }
        >
          {(card) => (
            <>
              <PriceCard price={card()} bestValue={bestValue()}>
                <BuyButton name={card().name} preview />
              </PriceCard>
              <Show when={!card().active}>
                <p class="mt-2 text-xs text-neutral-500 dark:text-neutral-400">Hidden: buyers will not see it.</p>
              </Show>
            </>
          )}
        </Show>
      </section>
    </div>
  );
}
