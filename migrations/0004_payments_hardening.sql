ALTER TYPE "public"."payment_status" ADD VALUE 'DISPUTED';--> statement-breakpoint
CREATE TABLE "payment_refund" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"provider_refund_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_event" ADD COLUMN "claimed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_event" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payment_refund" ADD CONSTRAINT "payment_refund_payment_id_payment_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payment"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_refund_payment_key_uq" ON "payment_refund" USING btree ("payment_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "webhook_event_retry_idx" ON "webhook_event" USING btree ("status","next_attempt_at");--> statement-breakpoint
-- Failures recorded before this migration were never classified: give each one sweeper run,
-- which stores permanent ones without a next attempt and retries transient ones with backoff.
UPDATE "webhook_event" SET "next_attempt_at" = now() WHERE "status" = 'FAILED';
