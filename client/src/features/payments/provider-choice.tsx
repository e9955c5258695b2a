import { createUniqueId, For } from "solid-js";
import type { ProviderName } from "@contracts/payments.ts";

const OPTIONS: { value: ProviderName; label: string; hint: string }[] = [
  { value: "stripe", label: "Card", hint: "Visa, Mastercard, Apple Pay… via Stripe" },
  { value: "coinbase", label: "Crypto", hint: "USDC via Coinbase" },
];

export interface ProviderChoiceProps {
  value: ProviderName;
  onChange: (provider: ProviderName) => void;
}

/** How to pay: a radio group (arrow keys move between the options). */
export function ProviderChoice(props: ProviderChoiceProps) {
  const name = `provider-${createUniqueId()}`;
  return (
    <fieldset>
      <legend class="text-sm font-medium">Pay with</legend>
      <div class="mt-2 grid gap-3 sm:grid-cols-2">
        <For each={OPTIONS}>
          {(option) => (
            <label
              class="flex cursor-pointer items-start gap-3 rounded-lg border p-3 text-sm has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-500 dark:has-[:checked]:border-indigo-400 dark:has-[:checked]:bg-indigo-950/40"
              classList={{ "border-neutral-200 dark:border-neutral-800": props.value !== option.value }}
            >
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={props.value === option.value}
                onChange={() => props.onChange(option.value)}
                class="mt-0.5 accent-indigo-600"
              />
              <span>
                <span class="block font-medium">{option.label}</span>
                <span class="block text-neutral-500 dark:text-neutral-400">{option.hint}</span>
              </span>
            </label>
          )}
        </For>
      </div>
    </fieldset>
  );
}
