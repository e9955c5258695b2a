import type { PaymentStatus } from "../../lib/checkout.ts";
import { Badge, type BadgeTone } from "../feedback/badge.tsx";

const STATUS: Record<PaymentStatus, { label: string; tone: BadgeTone }> = {
  SUCCEEDED: { label: "Succeeded", tone: "green" },
  PENDING: { label: "Pending", tone: "amber" },
  FAILED: { label: "Failed", tone: "red" },
  REFUNDED: { label: "Refunded", tone: "violet" },
};

export function PaymentStatusBadge(props: { status: PaymentStatus }) {
  return (
    <Badge tone={STATUS[props.status].tone} testId="payment-status">
      {STATUS[props.status].label}
    </Badge>
  );
}
