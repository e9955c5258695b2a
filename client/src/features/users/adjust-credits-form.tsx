import { adjustWalletSchema } from "@contracts/wallet.ts";
import { createForm } from "../../lib/form.ts";
import { createRequestKeys } from "../../lib/idempotency.ts";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { FocusTarget } from "../../ui/feedback/focus-target.tsx";
import { FormShell } from "../../ui/forms/form-shell.tsx";
import { TextField } from "../../ui/forms/text-field.tsx";
import type { AdjustmentOutcome } from "./admin-users.ts";
import { updateUser } from "./users.api.ts";

export interface AdjustCreditsFormProps {
  userId: string;
  /** A request is about to go out: the previous outcome no longer applies. */
  onSubmit: () => void;
  onBooked: (outcome: AdjustmentOutcome) => void;
}

/** Books a signed credit adjustment with its reason. Mount a fresh one for each new adjustment. */
export function AdjustCreditsForm(props: AdjustCreditsFormProps) {
  // A resent request (double click, retry after a lost answer) keeps its key and is booked once.
  const keys = createRequestKeys();
  const form = createForm({
    initial: { amount: "", reason: "" },
    schema: adjustWalletSchema,
    submit: (walletAdjustment) => {
      props.onSubmit();
      return updateUser(props.userId, { walletAdjustment }, { idempotencyKey: keys.keyFor(walletAdjustment) });
    },
    onSuccess: (result) => {
      if (result.walletAdjustment) props.onBooked(result.walletAdjustment);
    },
  });

  return (
    <FormShell
      form={form}
      submitLabel="Book adjustment"
      pendingLabel="Booking…"
      alert={(message) => (
        <FocusTarget testId="adjustment-error">
          <ErrorNotice message={message()} />
        </FocusTarget>
      )}
    >
      {/* No inputmode="decimal": some on-screen keypads have no minus sign. */}
      <TextField
        {...form.field("amount")}
        label="Amount"
        autocomplete="off"
        required
        hint="In credits, at most three decimals; use a minus sign to take credits back."
      />
      <TextField
        {...form.field("reason")}
        label="Reason"
        autocomplete="off"
        required
        hint="Kept with the entry; the user sees it in their ledger."
      />
    </FormShell>
  );
}
