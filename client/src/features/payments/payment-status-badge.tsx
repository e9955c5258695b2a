import { Badge, type BadgeTone } from "../../ui/feedback/badge.tsx";
import type { PaymentStatus } from "./checkout.ts";

const STATUS: Record<PaymentStatus, { label: string; tone: BadgeTone }> = {
  SUCCEEDED: { label: "Succeeded", tone: "green" },
  PENDING: { label: "Pending", tone: "amber" },
  FAILED: { label: "Failed", tone: "red" },
  REFUNDED: { label: "Refunded", tone: "violet" },
  DISPUTED: { label: "Disputed", tone: "red" },
};

export function PaymentStatusBadge(props: { status: PaymentStatus }) {
  return (
    <Badge tone={STATUS[props.status].tone} testId="payment-status">
      {STATUS[props.status].label}
    </Badge>
  );
}
